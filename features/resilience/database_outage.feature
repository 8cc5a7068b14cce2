@area=resilience
Feature: The database goes away under load and comes back
  Operations need proof that a database outage costs users a retry, never an answer: while the
  database is away the platform says it cannot take work (and says when to try again), and once the
  database is back everything it had accepted is answered, exactly once.

  Rule: While the database is away new work is refused cleanly; accepted work resumes when it returns

    @severity=blocker @requires=stop-database @requires=database-access
    Scenario: The database is away for a few seconds while questions stream in
      Given a question answering signature
      And a program that answers with the "native" adapter
      And a program that answers with the "python_port" adapter
      And users ask 10 questions per second on every program
      And at least 5 of them have completed
      When the database goes away for 3 seconds
      And the questions keep coming for 2 more seconds
      Then while the database was away, new questions were refused with a hint to retry later
      And while the database was away, the platform reported itself not ready
      And the platform recovers within these budgets:
        | measure                       | limit       |
        | ready again after the fault   | at most 2 s |
        | serving again after the fault | at most 2 s |
      And once the questions stop, the ledger of accepted executions shows at most:
        | measure                                     | limit        |
        | time for every accepted execution to finish | at most 20 s |
        | lost                                        | at most 0    |
        | completed more than once                    | at most 0    |
        | failed                                      | at most 0    |

  Rule: When the network to the database fails the platform says so, refuses cleanly and loses nothing

    @severity=critical @requires=database-network @requires=database-access
    Scenario: The network to the database is cut, slowed and reset while questions stream in
      Given a question answering signature
      And a program that answers with the "native" adapter
      And users ask 10 questions per second on every program
      And at least 5 of them have completed
      When the network between the platform and its database is cut for 3 seconds
      Then while the network was cut, the platform reported itself not ready
      And while the network was cut, new questions were refused with a hint to retry later
      And the platform recovers within these budgets:
        | measure                       | limit       |
        | ready again after the fault   | at most 2 s |
        | serving again after the fault | at most 2 s |
      When the network between the platform and its database is slowed by 50 ms for 3 seconds
      Then while the network was slow, every question got a clear answer within 5 seconds
      When every connection between the platform and its database is reset
      And the questions keep coming for 2 more seconds
      Then the platform recovers within these budgets:
        | measure                       | limit       |
        | serving again after the fault | at most 2 s |
      And once the questions stop, the ledger of accepted executions shows at most:
        | measure                                     | limit        |
        | time for every accepted execution to finish | at most 20 s |
        | lost                                        | at most 0    |
        | completed more than once                    | at most 0    |
        | failed                                      | at most 0    |
