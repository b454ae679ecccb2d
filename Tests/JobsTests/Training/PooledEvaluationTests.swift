import Jobs
import Testing

/// The pooled evaluation says where the model departs from the market: walk-forward folds that kept none of their
/// learners show the market there, and a model departing on its evaluation games alone is judged on those.
@Suite struct PooledEvaluationTests {
    @Test func countsTheGamesWhereTheModelDepartsFromTheMarket() {
        let labels = (0..<300).map { Double($0 % 2) }
        let market = labels.indices.map { 0.45 + 0.1 * Double($0 % 3) / 2 }
        // The first 200 games are the folds' (the market to within a thousandth); of the last 100, every other one
        // departs by two points.
        let model = market.indices.map { $0 < 200 ? market[$0] + 0.001 : market[$0] + ($0 % 2 == 0 ? 0.02 : 0.004) }
        let pooled = PooledEvaluation(labels: labels, probabilities: model, priorProbabilities: market, trainingRows: 200)
        #expect(pooled.trainingDepartures == 0 && pooled.evaluationDepartures == 50)
        #expect(pooled.departures().contains("on 0 of the 200 walk-forward games and 50 of the 100 evaluation games"))
        #expect(pooled.departures().contains("judged on the evaluation games alone"))

        let everywhere = PooledEvaluation(
            labels: labels, probabilities: market.map { $0 + 0.03 }, priorProbabilities: market, trainingRows: 200)
        #expect(everywhere.trainingDepartures == 200 && everywhere.evaluationDepartures == 100)
        #expect(!everywhere.departures("The blend").contains("alone") && everywhere.departures("The blend").hasPrefix("The blend departs"))

        // Without walk-forward games there is nothing to say of them.
        let evaluationOnly = PooledEvaluation(labels: labels, probabilities: model, priorProbabilities: market, trainingRows: 0)
        #expect(evaluationOnly.departures() == "It departs from the market by half a point of probability or more on 50 of the 300 evaluation games.")
    }
}
