// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import Logging

/// `run --config node.json`: the node process.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Run a consortium node.")

    @Option(help: "The node's configuration file (JSON).")
    var config: String

    func run() throws {
        let cfg = try NodeFiles.readJSON(config, as: NodeConfig.self)
        let level = Logger.Level(rawValue: cfg.logLevel ?? "info") ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        var logger = Logger(label: "ehrshare-node")
        logger[metadataKey: "node"] = "\(cfg.index)"
        do {
            try NodeRuntime(config: cfg, logger: logger).run()
        } catch {
            logger.critical("node failed", metadata: ["error": "\(error)"])
            throw ExitCode(1)
        }
        logger.info("node stopped")
    }
}
