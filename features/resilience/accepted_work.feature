@area=resilience
Feature: Accepted work is committed and owned by one claim at a time
  Every team relies on two promises behind "accepted": the execution is already stored when the
  platform says so, and it runs under one claim until it is finished, however long the model takes.

  Rule: Accepted means committed

    @severity=blocker @requires=database-access
    Scenario: An execution that was just accepted can be read back at once
      Given a question answering signature
      And a program that answers with the "native" adapter
      When a user's question is accepted
      Then it can be read back at once, from the platform and from its database

  Rule: A slow execution keeps its lease and completes exactly once

    @severity=critical @requires=database-access
    Scenario: An execution slower than its lease completes exactly once under one claim
      Given a question answering signature
      And a program that answers with the "native" adapter, taking 5000 ms per question
      When a user's question is accepted
      Then while it ran, its lease was renewed and never handed to another claim
      And once the questions stop, the ledger of accepted executions shows at most:
        | measure                                     | limit        |
        | time for every accepted execution to finish | at most 15 s |
        | lost                                        | at most 0    |
        | failed                                      | at most 0    |
        | run more than once                          | at most 0    |
        | completed more than once                    | at most 0    |

    @severity=critical @requires=stop-database @requires=database-access
    Scenario: An execution whose lease ran out while the database was away is finished by one new claim
      Given a question answering signature
      And a program that answers with the "native" adapter, taking 8000 ms per question
      And 1 question is being answered
      When the database goes away for 4 seconds
      Then once the questions stop, the ledger of accepted executions shows at most:
        | measure                                     | limit        |
        | time for every accepted execution to finish | at most 25 s |
        | lost                                        | at most 0    |
        | failed                                      | at most 0    |
        | most attempts of one execution              | at most 2    |
        | completed more than once                    | at most 0    |
