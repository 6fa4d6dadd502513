// SPDX-License-Identifier: Apache-2.0
import Glibc

// Figure 2 of Luo, Wen, Cheng (2019) §3.3, measured: DPoS (the real EhrLedger), PBFT and PoW
// on one in-process network, N nodes each, CPU from the process clock, latency in simulated time.
// (Everything lives in functions: a global tuple here crashed the 6.3 optimiser.)
exit(Driver.main(Array(CommandLine.arguments.dropFirst())))
