@area=resilience
Feature: The platform crashes or is stopped while it has work in hand
  Operations need proof that a crashed or restarted platform picks up where it left off: what it
  accepted is answered after the restart, once, and a deliberate stop lets running work finish.

  Rule: After a crash the platform is back quickly on the same data and nothing accepted is lost

    @severity=blocker @requires=restart-platform @requires=database-access
    Scenario: The platform crashes under load and is started again on the same data
      Given a question answering signature
      And a program that answers with the "native" adapter, taking 200 ms per question
      And a program that answers with the "python_port" adapter, taking 200 ms per question
      And users ask 5 questions per second on every program
      And at least 5 of them have completed
      When the platform crashes and is started again on the same data
      And the questions keep coming for 2 more seconds
      Then the platform recovers within these budgets:
        | measure                          | limit       |
        | ready after the restart          | at most 5 s |
        | first completion after the fault | at most 2 s |
      And once the questions stop, the ledger of accepted executions shows at most:
        | measure                                     | limit        |
        | time for every accepted execution to finish | at most 20 s |
        | lost                                        | at most 0    |
        | completed more than once                    | at most 0    |
        | failed                                      | at most 0    |

  Rule: A graceful stop lets the executions in flight finish within the grace period

    @severity=critical @requires=stop-platform @requires=database-access
    Scenario: The platform is stopped gracefully while executions are in flight
      Given a question answering signature
      And a program that answers with the "native" adapter, taking 1500 ms per question
      And 4 questions are being answered
      When the platform is asked to stop and is started again on the same data
      Then the platform recovers within these budgets:
        | measure                           | limit       |
        | stopped after the request to stop | at most 5 s |
      And once the questions stop, the ledger of accepted executions shows at most:
        | measure                                     | limit        |
        | time for every accepted execution to finish | at most 10 s |
        | lost                                        | at most 0    |
        | failed                                      | at most 0    |
        | run more than once                          | at most 0    |
        | completed more than once                    | at most 0    |
