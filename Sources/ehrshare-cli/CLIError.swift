// SPDX-License-Identifier: Apache-2.0

/// A failure the CLI reports as one line: `.usage` exits 2, `.failure` exits 1.
enum CLIError: Error, CustomStringConvertible {
    case usage(String)
    case failure(String)

    var description: String {
        switch self {
        case let .usage(m), let .failure(m): return m
        }
    }

    var exitCode: Int32 {
        switch self {
        case .usage: return 2
        case .failure: return 1
        }
    }
}
