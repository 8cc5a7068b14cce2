@area=resilience
Feature: A Python worker dies while questions stream through it
  Operations need proof that the death of one model worker is invisible to users: the platform
  replaces it at once and the question it was answering is answered anyway, once.

  Rule: A dead worker is replaced at once and its work is neither lost nor completed twice

    @severity=critical @requires=kill-worker @requires=database-access
    Scenario: A Python worker is killed while questions stream through the Python adapter
      Given a question answering signature
      And a program that answers with the "python_port" adapter, taking 200 ms per question
      And users ask 8 questions per second on every program
      And at least 5 of them have completed
      When a Python worker is killed
      And the questions keep coming for 2 more seconds
      Then the platform recovers within these budgets:
        | measure                           | limit         |
        | worker pool back at full strength | at most 0.5 s |
        | first completion after the fault  | at most 2 s   |
      And once the questions stop, the ledger of accepted executions shows at most:
        | measure                                     | limit        |
        | time for every accepted execution to finish | at most 20 s |
        | lost                                        | at most 0    |
        | completed more than once                    | at most 0    |
        | failed                                      | at most 0    |
