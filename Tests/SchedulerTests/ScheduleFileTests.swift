import Foundation
import Testing

@testable import Scheduler

@Suite struct ScheduleFileTests {
    @Test func defaultScheduleIsTheSeeds() throws {
        let names = Schedule.defaults.map(\.name)
        #expect(
            names == [
                "collect.odds", "collect.prop_odds", "collect.games", "collect.weather", "collect.injuries", "collect.summaries", "collect.statcast",
                "closing.capture", "quality.check", "featurize", "predict", "predict.props", "settle", "retrain",
                "monitor.drift", "alerts.deliver",
            ])
        let odds = try #require(Schedule.defaults.first { $0.name == "collect.odds" })
        #expect(odds.cron.description == "@every 60s")
        let retrain = try #require(Schedule.defaults.first { $0.name == "retrain" })
        #expect(retrain.jobs.map(\.type) == ["train.automl", "train.stack", "calibrate"])
        #expect(retrain.jobs[2].after == ["automl", "stack"])
        #expect(Schedule.defaults.allSatisfy { $0.flowProblem == nil })
    }

    @Test func fileAmendsDisablesAndAddsSchedules() throws {
        let yaml = """
            schedules:
              collect.odds:
                cron: "@every 30s"
                queue: odds
              featurize:
                enabled: false
              backfill.odds:
                cron: "30 3 * * SUN"
                time_zone: America/New_York
                type: collect.odds
                queue: collect
                payload: {backfill: true, days: 7, label: "7", ratio: 0.5, nothing: null, sports: [nfl, nba]}
                priority: 7
                max_attempts: 2
                timeout: 10m
                missed: catch-up 3
            """
        let schedules = try ScheduleFile.apply(yaml: yaml, path: "s.yaml", to: Schedule.defaults)
        #expect(!schedules.contains { $0.name == "featurize" })
        let odds = try #require(schedules.first { $0.name == "collect.odds" })
        #expect(odds.cron.description == "@every 30s")
        #expect(odds.jobs[0].queue == "odds")
        #expect(odds.jobs[0].timeout == .seconds(50))
        let backfill = try #require(schedules.last)
        #expect(backfill.name == "backfill.odds")
        #expect(backfill.timeZone.identifier == "America/New_York")
        #expect(backfill.missedTicks == .catchUp(limit: 3))
        #expect(
            backfill.jobs == [
                ScheduledJob(
                    step: "collect.odds", type: "collect.odds", queue: "collect",
                    payload: #"{"backfill":true,"days":7,"label":"7","nothing":null,"ratio":0.5,"sports":["nfl","nba"]}"#,
                    priority: 7, maxAttempts: 2, timeout: .seconds(600))
            ])
    }

    @Test func fileCanReplaceTheDefaultsWithAFlow() throws {
        let yaml = """
            defaults: false
            schedules:
              nightly:
                cron: "0 4 * * *"
                queue: training
                jobs:
                  - {step: a, type: train.automl}
                  - {step: b, type: train.stack, queue: other}
                  - {step: c, type: calibrate, after: [a, b]}
            """
        let schedules = try ScheduleFile.apply(yaml: yaml, path: "s.yaml", to: Schedule.defaults)
        #expect(schedules.map(\.name) == ["nightly"])
        #expect(schedules[0].jobs.map(\.queue) == ["training", "other", "training"])
        #expect(schedules[0].jobs[2].after == ["a", "b"])
    }

    @Test func emptyFileChangesNothing() throws {
        #expect(try ScheduleFile.apply(yaml: "", path: "s.yaml", to: Schedule.defaults) == Schedule.defaults)
    }

    @Test(arguments: [
        ("schedules:\n  collect.odds:\n    cron: \"61 * * * *\"\n",
         "s.yaml:3:11: invalid cron expression '61 * * * *': minute field '61': 61 is outside 0-59"),
        ("schedules:\n  collect.odds:\n    crn: \"@hourly\"\n",
         "s.yaml:3:5: unknown setting 'crn' (known: cron, enabled, jobs, max_attempts, missed, payload, priority, queue, time_zone, timeout, type)"),
        ("schedules:\n  x:\n    cron: \"@hourly\"\n    type: a.b\n    time_zone: Mars/Olympus\n",
         "s.yaml:5:16: unknown time zone 'Mars/Olympus' (use an IANA name such as America/New_York)"),
        ("schedules:\n  x:\n    cron: \"@hourly\"\n",
         "s.yaml:3:5: new schedule 'x' needs a type (or a list of jobs)"),
        ("schedules:\n  x:\n    type: a.b\n", "s.yaml:3:5: new schedule 'x' needs a cron"),
        ("schedules:\n  settle:\n    missed: sometimes\n",
         "s.yaml:3:13: missed must be 'skip' or 'catch-up N' with N ≥ 1, not 'sometimes'"),
        ("schedules:\n  settle:\n    priority: 12\n", "s.yaml:3:15: expected a whole number from 0 to 9"),
        ("schedules:\n  retrain:\n    type: train.automl\n",
         "s.yaml:3:11: 'retrain' is a flow of 3 jobs; set each one's type under jobs"),
        ("schedules:\n  retrain:\n    jobs:\n      - {step: c, type: calibrate, after: [a]}\n",
         "s.yaml:4:7: schedule 'retrain': step 'c' waits for 'a', which is not an earlier step"),
        ("schedules:\n  settle:\n    timeout: soon\n",
         "s.yaml:3:14: timeout must be a positive duration such as 90s, 10m or 2h, not 'soon'"),
        ("defaults: maybe\n", "s.yaml:1:11: expected true or false"),
        ("schedules:\n  settle:\n    cron: [1\n", "s.yaml:4:1: invalid YAML: did not find expected ',' or ']'"),
    ])
    func badFileIsRefusedWithLineAndReason(_ yaml: String, _ message: String) {
        #expect {
            try ScheduleFile.apply(yaml: yaml, path: "s.yaml", to: Schedule.defaults)
        } throws: { error in
            "\(error)" == message
        }
    }

    @Test func environmentOverridesAndDisablesSchedules() throws {
        let schedules = try ScheduleEnvironment.apply(
            ["AIPS_CRON_COLLECT_ODDS": "@every 2m", "AIPS_CRON_SETTLE": "off", "PATH": "/bin"], to: Schedule.defaults)
        #expect(schedules.first { $0.name == "collect.odds" }?.cron.description == "@every 2m")
        #expect(!schedules.contains { $0.name == "settle" })
        #expect(ScheduleEnvironment.variable(for: "quality.check") == "AIPS_CRON_QUALITY_CHECK")
    }

    @Test func environmentNamingNoScheduleOrBadCronIsRefused() {
        #expect(throws: ScheduleError.self) {
            try ScheduleEnvironment.apply(["AIPS_CRON_NOPE": "@hourly"], to: Schedule.defaults)
        }
        #expect {
            try ScheduleEnvironment.apply(["AIPS_CRON_SETTLE": "* *"], to: Schedule.defaults)
        } throws: { error in
            "\(error)" == "AIPS_CRON_SETTLE: invalid cron expression '* *': expected 5 fields (or 6 with seconds), found 2"
        }
    }
}
