@area=checklists
Feature: Observability checklist
  The people on call need health that tells the truth, metrics that move with the work, and logs
  they can follow from a user's complaint to the exact request.

  Rule: Health tells the truth

    @severity=blocker @requires=stop-database
    Scenario: Health reports not ready while the database is down
      When the database is stopped
      Then the platform reports itself not ready, naming the database as down
      When the database is started again
      Then the platform reports itself ready

    @severity=critical @requires=kill-worker
    Scenario: Health reports the bridge degraded while a worker is missing
      When a Python worker of the platform is killed
      Then health reported the bridge degraded while the worker was missing
      And the bridge is back at full strength

  Rule: Metrics and logs follow the work

    @severity=critical
    Scenario: Submitted and completed counters advance by the work done
      Given a question answering signature
      And a program that answers with the "native" adapter
      When 5 questions are answered on the program
      Then the submitted counter advanced by 5
      And the completed counter advanced by 5

    @severity=critical @requires=inspect-host
    Scenario: Every request carries an id that the answer returns and the log records
      When a user asks for the adapters with the request id "checklist-observability-1"
      Then the answer returns the request id "checklist-observability-1"
      And the platform log has a structured line with the request id "checklist-observability-1"
      And a request sent without an id is given one in the answer
