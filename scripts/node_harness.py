#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Multi-process harness for ehrshare-node (DESIGN.md §8 "Tests across processes").

Creates N node directories under a temporary directory, runs keygen -> genesis -> run for N
processes on 127.0.0.1 with short slots, and checks scenarios, each bounded by a deadline:

  converge   all nodes agree on one chain and the irreversible height advances;
             node-signed transactions submitted to one node reach every pool and a block
  restart    kill -9 a producer: the chain goes on; restarted, it catches up and produces again
  intruder   a node whose TLS identity is not in genesis is refused, the others unaffected;
             an impostor listening at a member's address is refused by every dialler
  hostile    a peer with a genesis identity lies in its hello, sends malformed frames, a block
             with a forged Merkle root, or floods: cut off, once each
  sigterm    a second process on a node's directory is refused; SIGTERM stops a node cleanly
             (exit 0); restarted, it rejoins
  chaos      (optional) random kill -9s and restarts

Throughout, a monitor samples every node's irreversible block and fails the run if any
node ever reports a different hash at a height some node has called irreversible.
It builds nothing: it takes the binary (default .build/release/ehrshare-node).
All children are killed on exit, whatever the outcome.
"""
import argparse
import atexit
import hashlib
import json
import os
import random
import shutil
import signal
import socket
import ssl
import struct
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

SLOT_MS = 300


def log(msg):
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)


class Failure(Exception):
    pass


def free_ports(n):
    socks, ports = [], []
    for _ in range(n):
        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        socks.append(s)
        ports.append(s.getsockname()[1])
    for s in socks:
        s.close()
    return ports


class Node:
    def __init__(self, harness, index, name, peer_port, http_port, data_dir):
        self.h = harness
        self.index = index
        self.name = name
        self.peer_port = peer_port
        self.http_port = http_port
        self.dir = data_dir
        self.config = data_dir + ".json"
        self.log_path = data_dir + ".log"
        self.proc = None
        self.genesis = None

    def keygen(self):
        self.h.run_tool(["keygen", "--dir", self.dir, "--name", self.name,
                         "--address", f"127.0.0.1:{self.peer_port}", "--stake", "100"])

    def write_config(self, genesis_path, log_level="info"):
        self.genesis = genesis_path
        with open(self.config, "w") as f:
            json.dump({"dataDir": self.dir, "listen": f"127.0.0.1:{self.peer_port}", "index": self.index,
                       "genesis": genesis_path, "metricsPort": self.http_port, "logLevel": log_level}, f)

    def start(self):
        logf = open(self.log_path, "ab")
        self.proc = subprocess.Popen([self.h.binary, "run", "--config", self.config], stdout=logf, stderr=logf,
                                     start_new_session=True)
        logf.close()
        self.h.children.append(self.proc)

    def kill9(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(timeout=10)

    def alive(self):
        return self.proc is not None and self.proc.poll() is None

    def get(self, path, timeout=1.0):
        with urllib.request.urlopen(f"http://127.0.0.1:{self.http_port}{path}", timeout=timeout) as r:
            return r.read().decode()

    def status(self):
        try:
            return json.loads(self.get("/status"))
        except Exception:
            return None

    def hash_at(self, height):
        try:
            return self.get(f"/hash?height={height}").strip()
        except Exception:
            return None

    def metrics(self):
        out = {}
        try:
            for line in self.get("/metrics").splitlines():
                if line and not line.startswith("#"):
                    k, v = line.split()
                    out[k] = int(v)
        except Exception:
            pass
        return out


class Harness:
    def __init__(self, binary, n, keep, slot_ms=SLOT_MS):
        self.binary = os.path.abspath(binary)
        self.slot_ms = slot_ms
        self.n = n
        self.keep = keep
        self.tmp = tempfile.mkdtemp(prefix="ehr-node-harness-")
        self.children = []
        self.nodes = []
        self.finalized = {}  # height -> (hash, node that reported it)
        self.violations = []
        self.monitor_stop = threading.Event()
        atexit.register(self.cleanup)

    def cleanup(self):
        self.monitor_stop.set()
        for p in self.children:
            if p.poll() is None:
                try:
                    os.killpg(p.pid, signal.SIGKILL)
                except Exception:
                    pass
        for p in self.children:
            try:
                p.wait(timeout=5)
            except Exception:
                pass
        if not self.keep:
            shutil.rmtree(self.tmp, ignore_errors=True)

    def run_tool(self, args):
        r = subprocess.run([self.binary] + args, capture_output=True, text=True, timeout=60)
        if r.returncode != 0:
            raise Failure(f"ehrshare-node {' '.join(args)} failed: {r.stdout}{r.stderr}")
        return r.stdout

    def setup(self):
        ports = free_ports(2 * self.n + 2)
        for i in range(self.n):
            self.nodes.append(Node(self, i, f"inst-{i}", ports[2 * i], ports[2 * i + 1],
                                   os.path.join(self.tmp, f"node{i}")))
        self.spare_ports = ports[2 * self.n:]
        for node in self.nodes:
            node.keygen()
        mode = os.stat(os.path.join(self.nodes[0].dir, "node.key")).st_mode & 0o777
        if mode != 0o600:
            raise Failure(f"node.key has mode {oct(mode)}, not 0600")
        self.genesis_path = os.path.join(self.tmp, "genesis.json")
        out = self.run_tool(["genesis", "--out", self.genesis_path, "--slot-ms", str(self.slot_ms), "--start-in-ms", "2000",
                             "--peers-out", os.path.join(self.tmp, "peers.txt")]
                            + sum((["--public", os.path.join(n.dir, "node-public.json")] for n in self.nodes), []))
        log("genesis: " + out.strip().replace("\n", "; "))
        for node in self.nodes:
            node.write_config(self.genesis_path)
            node.start()
        threading.Thread(target=self.monitor, daemon=True).start()

    # The invariant: a height some node called irreversible never gets another hash anywhere.
    def monitor(self):
        while not self.monitor_stop.wait(0.5):
            for node in list(self.nodes):
                if not node.alive():
                    continue
                st = node.status()
                if not st or st["irreversible"] == 0:
                    continue
                h, hh = st["irreversible"], st["irreversibleHash"]
                seen = self.finalized.get(h)
                if seen is None:
                    self.finalized[h] = (hh, node.index)
                elif seen[0] != hh:
                    self.violations.append(f"height {h}: node {seen[1]} finalized {seen[0][:12]}, "
                                           f"node {node.index} finalized {hh[:12]}")

    def check_finality(self):
        if self.violations:
            raise Failure("irreversible block reverted: " + "; ".join(self.violations))
        checked = 0
        for h, (hh, _) in sorted(self.finalized.items()):
            for node in self.live():
                got = node.hash_at(h)
                if got is not None and got != hh:
                    raise Failure(f"node {node.index} has {got[:12]} at irreversible height {h}, not {hh[:12]}")
                checked += 1
        return checked

    def live(self):
        return [n for n in self.nodes if n.alive()]

    def wait_for(self, what, predicate, timeout):
        deadline = time.time() + timeout
        while time.time() < deadline:
            for n in self.nodes:
                if n.proc is not None and n.proc.poll() is not None and n in self.expected_alive:
                    raise Failure(f"node {n.index} exited with {n.proc.returncode} while {what}")
            result = predicate()
            if result:
                return result
            time.sleep(0.25)
        raise Failure(f"timed out after {timeout}s waiting until {what}")

    def statuses(self, nodes=None):
        return {n.index: n.status() for n in (nodes or self.live())}

    def converged(self, nodes, min_height):
        """The common height among `nodes` and its hash if all agree there, else None."""
        sts = self.statuses(nodes)
        if any(s is None for s in sts.values()):
            return None
        heights = [s["height"] for s in sts.values()]
        if min(heights) < min_height:
            return None
        common = min(heights) - 1
        hashes = {n.index: n.hash_at(common) for n in nodes}
        if None in hashes.values() or len(set(hashes.values())) != 1:
            return None
        return common, next(iter(hashes.values()))


def scenario_converge(h):
    h.expected_alive = list(h.nodes)
    common, hh = h.wait_for("all nodes share a chain above height 10",
                            lambda: h.converged(h.nodes, 10), 45)
    log(f"converge: {h.n} nodes agree at height {common} ({hh[:12]})")
    lib0 = min(s["irreversible"] for s in h.statuses().values())
    h.wait_for("the irreversible height advances by 5",
               lambda: min(s["irreversible"] for s in h.statuses().values() if s) >= lib0 + 5, 30)
    log(f"converge: irreversible height advanced from {lib0} to "
        f"{min(s['irreversible'] for s in h.statuses().values())} on every node")
    # Node-signed transactions into node 0: relayed to every pool, then carried by a block.
    out = h.run_tool(["submit", "--dir", h.nodes[0].dir, "--http", f"127.0.0.1:{h.nodes[0].http_port}",
                      "--index", "0", "--count", "300"])
    log("submit: " + out.strip())
    h.wait_for("every node accepted the 300 transactions and drained its pool",
               lambda: all(m.get("ehr_node_accepted_transactions_total", 0) >= 300 and
                           m.get("ehr_node_pool_transactions", 1) == 0
                           for m in (n.metrics() for n in h.nodes)), 20)
    def sequences():
        seq = {n.index: json.loads(n.get("/status?node=0"))["nextSequence"] for n in h.nodes}
        return seq if set(seq.values()) == {301} else None
    seq = h.wait_for("every node's chain carries the 300 votes (node 0's next sequence is 301)", sequences, 10)
    log(f"converge: votes relayed to every pool and carried by a block (node 0's next sequence: {seq})")


def scenario_restart(h):
    h.expected_alive = list(h.nodes)
    victim = next(n for n in reversed(h.nodes) if (n.status() or {}).get("produced", 0) > 0)
    before = victim.status()["height"]
    victim.kill9()
    h.expected_alive = [n for n in h.nodes if n is not victim]
    log(f"restart: kill -9 node {victim.index} at height {before}")
    others = h.expected_alive
    # Down for more than one range (64 blocks), so catching up takes several getBlocks.
    h.wait_for("the chain goes on without it (70 more blocks)",
               lambda: min((s or {"height": 0})["height"] for s in h.statuses(others).values()) >= before + 70, 45)
    target = max(s["height"] for s in h.statuses(others).values())
    victim.start()
    h.expected_alive = list(h.nodes)
    log(f"restart: node {victim.index} restarted; the others are at height {target}")
    h.wait_for(f"node {victim.index} catches up past height {target} on the same chain",
               lambda: (victim.status() or {"height": 0})["height"] > target and h.converged(h.nodes, target), 30)
    h.wait_for(f"node {victim.index} produces again",
               lambda: (victim.status() or {}).get("produced", 0) > 0, 30)
    common, hh = h.wait_for("all nodes agree again", lambda: h.converged(h.nodes, target + 2), 30)
    log(f"restart: node {victim.index} caught up and produced; all agree at height {common} ({hh[:12]})")


def scenario_intruder(h):
    h.expected_alive = list(h.nodes)
    # An outsider with its own keys and a genesis of its own in which it poses as node 0:
    # its copy checks out locally, but its certificate is not the one the real genesis pins.
    port, http_port = h.spare_ports
    intruder = Node(h, 0, "inst-0", port, http_port, os.path.join(h.tmp, "intruder"))
    intruder.keygen()
    with open(h.genesis_path) as f:
        g = json.load(f)
    with open(os.path.join(intruder.dir, "node-public.json")) as f:
        fake = json.load(f)
    real0 = g["peers"][0]
    g["ledgerGenesis"] = g["ledgerGenesis"].replace(real0["nodeKey"], fake["nodeKey"])
    g["peers"][0] = fake
    fake_genesis = os.path.join(h.tmp, "intruder-genesis.json")
    with open(fake_genesis, "w") as f:
        json.dump(g, f)
    intruder.write_config(fake_genesis)
    refused0 = {n.index: n.metrics().get("ehr_node_refused_connections_total", 0) for n in h.nodes}
    heights0 = {i: s["height"] for i, s in h.statuses().items()}
    intruder.start()
    log("intruder: started an outsider claiming index 0 and dialling nodes 1..n-1")
    h.wait_for("every dialled node refused the outsider",
               lambda: all(n.metrics().get("ehr_node_refused_connections_total", 0) > refused0[n.index]
                           for n in h.nodes[1:]), 20)
    time.sleep(2)
    ist = intruder.status()
    if ist is None or ist["peers"]:
        raise Failure(f"the intruder got peers: {ist}")
    intruder.kill9()
    sts = h.statuses()
    for n in h.nodes:
        peers = sts[n.index]["peers"]
        if len(peers) != h.n - 1:
            raise Failure(f"node {n.index} lost peers while the intruder knocked: {peers}")
        if sts[n.index]["height"] <= heights0[n.index]:
            raise Failure(f"node {n.index} stopped advancing")
    log(f"intruder: refused by nodes 1..{h.n - 1} at the TLS handshake; it has no peers; "
        f"the consortium kept all {h.n - 1} links each and kept producing")

    # An impostor *server*: the last node goes down and an outsider takes over its address.
    # The others dial it and must refuse its certificate (not the one pinned for that index).
    last = h.nodes[-1]
    last.kill9()
    h.expected_alive = h.nodes[:-1]
    impostor = Node(h, last.index, last.name, last.peer_port, http_port, os.path.join(h.tmp, "impostor"))
    impostor.keygen()
    with open(h.genesis_path) as f:
        g = json.load(f)
    with open(os.path.join(impostor.dir, "node-public.json")) as f:
        fake = json.load(f)
    g["ledgerGenesis"] = g["ledgerGenesis"].replace(g["peers"][-1]["nodeKey"], fake["nodeKey"])
    g["peers"][-1] = fake
    fake_genesis = os.path.join(h.tmp, "impostor-genesis.json")
    with open(fake_genesis, "w") as f:
        json.dump(g, f)
    impostor.write_config(fake_genesis)
    refused0 = {n.index: n.metrics().get("ehr_node_refused_connections_total", 0) for n in h.nodes[:-1]}
    impostor.start()
    h.wait_for(f"every node dialling the impostor at node {last.index}'s address refused its certificate",
               lambda: all(n.metrics().get("ehr_node_refused_connections_total", 0) > refused0[n.index]
                           for n in h.nodes[:-1]), 20)
    ist = impostor.status()
    if ist is None or ist["peers"]:
        raise Failure(f"the impostor got peers: {ist}")
    impostor.kill9()
    time.sleep(0.3)
    last.start()
    h.expected_alive = list(h.nodes)
    common, _ = h.wait_for(f"node {last.index} is back and all agree", lambda: h.converged(h.nodes, 1), 30)
    log(f"intruder: an impostor at node {last.index}'s address was refused by every dialler; "
        f"node {last.index} came back and all agree at height {common}")


def consortium_hash(genesis):
    ledger = bytes.fromhex(genesis["ledgerGenesis"])
    digest = hashlib.sha256(ledger).digest()
    for p in genesis["peers"]:
        digest += bytes.fromhex(p["tlsFingerprint"]) + p["address"].encode() + b"\x00"
    return hashlib.sha256(digest).digest()


def hostile_session(h, target, frames):
    """Connects to `target` with node 0's real TLS identity, sends raw frames, and returns
    whether the node closed the connection within 5 s."""
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.minimum_version = ssl.TLSVersion.TLSv1_3
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    ctx.load_cert_chain(os.path.join(h.nodes[0].dir, "tls-cert.pem"), os.path.join(h.nodes[0].dir, "tls-key.pem"))
    with socket.create_connection(("127.0.0.1", target.peer_port), timeout=5) as raw:
        with ctx.wrap_socket(raw) as s:
            try:
                for fr in frames:
                    s.sendall(fr)
                s.settimeout(5)
                while True:
                    if not s.recv(65536):
                        return True
            except socket.timeout:
                return False
            except (ssl.SSLError, ConnectionError, OSError):
                return True


def recv_exact(s, n):
    data = b""
    while len(data) < n:
        chunk = s.recv(n - len(data))
        if not chunk:
            raise ConnectionError("closed")
        data += chunk
    return data


def recv_frame(s):
    kind, length = struct.unpack(">BI", recv_exact(s, 5))
    return kind, recv_exact(s, length)


def forged_block_session(h, target, hello):
    """As node 0, asks `target` for its tip block, sends it back with one byte of its Merkle
    root flipped (a new hash, a known parent, a root that commits to nothing), and returns
    whether the node closed the connection."""
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.minimum_version = ssl.TLSVersion.TLSv1_3
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    ctx.load_cert_chain(os.path.join(h.nodes[0].dir, "tls-cert.pem"), os.path.join(h.nodes[0].dir, "tls-key.pem"))
    with socket.create_connection(("127.0.0.1", target.peer_port), timeout=5) as raw:
        with ctx.wrap_socket(raw) as s:
            s.sendall(hello)
            height = None
            while height is None:
                kind, payload = recv_frame(s)
                if kind == 2:
                    height = struct.unpack(">Q", payload[:8])[0]
            s.sendall(frame(5, struct.pack(">QH", height, 1)))
            while True:
                kind, payload = recv_frame(s)
                if kind == 6:
                    break
            n = struct.unpack(">H", payload[8:10])[0]
            if n != 1:
                raise Failure(f"node {target.index} served {n} blocks for its own tip")
            length = struct.unpack(">I", payload[10:14])[0]
            block = bytearray(payload[14:14 + length])
            block[60] ^= 0x01  # inside the Merkle root (header bytes 56..87)
            s.sendall(frame(4, bytes(block)))
            try:
                while True:
                    if not s.recv(65536):
                        return True
            except socket.timeout:
                return False
            except (ssl.SSLError, ConnectionError, OSError):
                return True


def frame(kind, payload, length=None):
    return struct.pack(">BI", kind, len(payload) if length is None else length) + payload


def scenario_hostile(h):
    h.expected_alive = list(h.nodes)
    # A member's real TLS identity (node 0's) in the hands of a broken or hostile peer. Each
    # case goes to a different node, so the back-off one of them imposes does not matter.
    with open(h.genesis_path) as f:
        g = json.load(f)
    hello = frame(1, struct.pack(">B", 1) + consortium_hash(g) + struct.pack(">H", 0))
    lying_hello = frame(1, struct.pack(">B", 1) + consortium_hash(g) + struct.pack(">H", 1))
    cases = [
        ("a hello claiming node 1 with node 0's certificate", h.nodes[4], [lying_hello], "ehr_node_refused_connections_total"),
        ("a frame of unknown type", h.nodes[4], [hello, frame(99, b"junk")], "ehr_node_peer_violations_total"),
        ("a block frame header announcing 4 GiB", h.nodes[3], [hello, frame(4, b"", 0xFFFFFFFF)],
         "ehr_node_peer_violations_total"),
        ("a transaction that does not decode", h.nodes[2], [hello, frame(3, b"EHRS\x01\x61garbage")],
         "ehr_node_peer_violations_total"),
        ("a block that does not decode", h.nodes[1], [hello, frame(4, os.urandom(200))], "ehr_node_peer_violations_total"),
        ("a status before the hello", h.nodes[1], [frame(2, bytes(48))], "ehr_node_refused_connections_total"),
    ]
    for what, target, frames, counter in cases:
        before = target.metrics().get(counter, 0)
        if not hostile_session(h, target, frames):
            raise Failure(f"node {target.index} kept the connection open after {what}")
        h.wait_for(f"node {target.index} counted {what} in {counter}",
                   lambda: target.metrics().get(counter, 0) > before, 10)
        log(f"hostile: node {target.index} closed the connection on {what}")
    # The real node 0 gets its links back once the back-offs expire, and the chain goes on.
    h.wait_for("node 0 is connected to every node again",
               lambda: all(0 in (n.status() or {}).get("peers", []) for n in h.nodes[1:]), 30)
    # A well-formed block that breaks a rule (its Merkle root) from a member.
    target = h.nodes[4]
    before = target.metrics().get("ehr_node_peer_violations_total", 0)
    if not forged_block_session(h, target, hello):
        raise Failure(f"node {target.index} kept the connection open after a forged block")
    h.wait_for(f"node {target.index} counted the forged block",
               lambda: target.metrics().get("ehr_node_peer_violations_total", 0) > before, 10)
    log(f"hostile: node {target.index} cut off a block with a forged Merkle root")
    # Floods from a member: past the per-peer message budget, and past the range-request budget.
    status = frame(2, struct.pack(">Q", 0) + bytes(32) + struct.pack(">Q", 0))
    get_blocks = frame(5, struct.pack(">QH", 1, 64))
    floods = [
        ("10000 status frames at once", h.nodes[3], [hello, status * 10000]),
        ("200 range requests at once", h.nodes[2], [hello, get_blocks * 200]),
    ]
    for what, target, frames in floods:
        before = target.metrics().get("ehr_node_peer_violations_total", 0)
        if not hostile_session(h, target, frames):
            raise Failure(f"node {target.index} kept the connection open after {what}")
        h.wait_for(f"node {target.index} cut off {what}",
                   lambda: target.metrics().get("ehr_node_peer_violations_total", 0) > before, 10)
        # Frames already read when the limit tripped must not each count (and double the back-off).
        time.sleep(0.5)
        counted = target.metrics().get("ehr_node_peer_violations_total", 0) - before
        if counted != 1:
            raise Failure(f"node {target.index} counted {counted} violations for one flood")
        log(f"hostile: node {target.index} cut off {what} (rate limit, one violation)")
    h.wait_for("node 0 is connected to every node again",
               lambda: all(0 in (n.status() or {}).get("peers", []) for n in h.nodes[1:]), 30)
    common, _ = h.wait_for("all nodes still agree", lambda: h.converged(h.nodes, 1), 20)
    log(f"hostile: no node crashed; node 0 reconnected everywhere; all agree at height {common}")


def scenario_sigterm(h):
    h.expected_alive = list(h.nodes)
    # A second process on a running node's directory must refuse to start.
    twin = subprocess.run([h.binary, "run", "--config", h.nodes[1].config], capture_output=True, text=True, timeout=20)
    if twin.returncode == 0 or "another process" not in twin.stderr:
        raise Failure(f"a second process on node 1's directory was not refused: {twin.returncode} {twin.stderr[-300:]}")
    log("sigterm: a second process on a running node's directory refused to start")
    victim = h.nodes[2]
    height = victim.status()["height"]
    h.expected_alive = [n for n in h.nodes if n is not victim]
    victim.proc.send_signal(signal.SIGTERM)
    try:
        rc = victim.proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        raise Failure("SIGTERM did not stop the node within 10 s")
    if rc != 0:
        raise Failure(f"the node exited with {rc} after SIGTERM")
    victim.start()
    h.expected_alive = list(h.nodes)
    h.wait_for("the stopped node is back on the common chain",
               lambda: (victim.status() or {"height": 0})["height"] > height and h.converged(h.nodes, height + 1), 30)
    log(f"sigterm: node {victim.index} exited 0 on SIGTERM at height >= {height}, restarted and rejoined")


def scenario_chaos(h, kills):
    rng = random.Random(12)
    for k in range(kills):
        victim = rng.choice(h.nodes)
        victim.kill9()
        h.expected_alive = [n for n in h.nodes if n is not victim]
        time.sleep(rng.uniform(0.3, 1.5))
        victim.start()
        h.expected_alive = list(h.nodes)
        time.sleep(rng.uniform(0.3, 1.0))
    common, hh = h.wait_for("all nodes agree after the kills", lambda: h.converged(h.nodes, 1), 60)
    lib0 = min(s["irreversible"] for s in h.statuses().values())
    h.wait_for("the irreversible height advances again",
               lambda: min((s or {"irreversible": 0})["irreversible"] for s in h.statuses().values()) >= lib0 + 3, 30)
    log(f"chaos: {kills} kill -9s and restarts; all {h.n} nodes agree at height {common} ({hh[:12]}); "
        f"irreversible height moving again past {lib0}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=".build/release/ehrshare-node")
    ap.add_argument("--nodes", type=int, default=5)
    ap.add_argument("--scenarios", default="converge,restart,intruder,hostile,sigterm")
    ap.add_argument("--kills", type=int, default=20)
    ap.add_argument("--keep", action="store_true", help="keep the temporary directory")
    ap.add_argument("--slot-ms", type=int, default=SLOT_MS)
    args = ap.parse_args()
    if not os.access(args.binary, os.X_OK):
        print(f"{args.binary} is not an executable (build it first)")
        return 2
    h = Harness(args.binary, args.nodes, args.keep, args.slot_ms)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    start = time.time()
    passed = failed = 0
    try:
        h.expected_alive = []
        h.setup()
        log(f"{args.nodes} nodes started in {h.tmp}")
        table = {"converge": scenario_converge, "restart": scenario_restart, "intruder": scenario_intruder,
                 "hostile": scenario_hostile, "sigterm": scenario_sigterm, "chaos": lambda hh: scenario_chaos(hh, args.kills)}
        for name in args.scenarios.split(","):
            t0 = time.time()
            try:
                table[name](h)
                passed += 1
                log(f"PASS {name} ({time.time() - t0:.1f}s)")
            except Failure as e:
                failed += 1
                log(f"FAIL {name}: {e}")
                break
        checked = h.check_finality()
        log(f"finality: {len(h.finalized)} irreversible heights sampled, {checked} checks on live nodes, none reverted")
    except Failure as e:
        failed += 1
        log(f"FAIL: {e}")
    finally:
        if failed:
            for n in h.nodes:
                try:
                    with open(n.log_path, errors="replace") as f:
                        tail = f.readlines()[-25:]
                    print(f"--- node {n.index} log (last lines) ---\n" + "".join(tail))
                except OSError:
                    pass
        h.cleanup()
    print(f"node harness: {passed} passed, {failed} failed ({time.time() - start:.1f}s)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
