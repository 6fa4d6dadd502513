// SPDX-License-Identifier: Apache-2.0

/// A failure the operator must fix (bad file, bad config); printed, never trapped on.
struct NodeFailure: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}
