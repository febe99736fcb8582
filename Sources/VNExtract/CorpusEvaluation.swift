import Foundation
import VNEngine
import VNEval
import VNRules

/// Runs an extractor over the texts of a gold file and scores it, in process.
public enum CorpusEvaluation {
    /// The extractor's predictions for every gold document that carries its text.
    /// - Throws: ``MissingTextError`` if a gold document has no text to extract from.
    public static func predictions(for gold: EvalDocumentSet, extractor: Extractor) throws -> EvalDocumentSet {
        var predicted: [(id: DocumentID, entities: [EvalEntity])] = []
        for document in gold.documents {
            guard let text = document.text else {
                throw MissingTextError(source: gold.source, document: document.id.description)
            }
            let result = try extractor.extract(text)
            predicted.append((document.id, result.entities.map {
                EvalEntity(type: $0.type, start: $0.start, end: $0.end, text: $0.text, value: $0.value, rule: $0.rule)
            }))
        }
        return EvalDocumentSet.predictions(predicted, source: "vnextract extract")
    }
}

/// A gold document without the text the extractor needs.
public struct MissingTextError: Error, CustomStringConvertible {
    /// The gold file.
    public var source: String
    /// The document's id.
    public var document: String

    public var description: String {
        "\(source): document \(document) has no \"text\" to extract from; give --pred with predictions instead"
    }
}
