@area=checklists
Feature: Operations checklist
  The people who run the platform need configuration mistakes caught at once, start-up and stop
  that behave, and data that survives restarts and a backup and restore.

  Rule: A bad setting stops start-up at once and says which

    @severity=critical @requires=inspect-host
    Scenario: Every setting's bad value stops start-up naming the setting
      When the platform is started once per setting with a bad value for that setting
      Then every start stopped within 1 second with exit code 2 and one line naming the setting

  Rule: The platform starts, stops and restarts without losing anything

    @severity=critical @requires=stop-platform
    Scenario: A restart keeps the data and start-up stays within its budget
      Given a question answering signature
      And a program that answers with the "native" adapter
      And a user asked "Will I survive a restart?" and got an answer
      When the platform is stopped and started again
      Then start-up took at most:
        | budget seconds | 30 |
      And the signature, the program and the execution read back unchanged

    @severity=critical @requires=stop-platform @requires=inspect-host
    Scenario: A graceful stop finishes the work in hand
      Given a question answering signature
      And a program on the "native" adapter whose model takes 4000 ms
      When a user asks "Will you finish me?"
      And the platform is stopped while the question is being answered
      Then the platform stopped within its grace period and said it stopped cleanly
      When the platform is started again
      Then the question is answered exactly once

    @severity=critical @requires=database-access
    Scenario: A backup restored into an empty database gives back every signature, program and execution
      Given a question answering signature
      And a program that answers with the "native" adapter
      And a user asked "Am I in the backup?" and got an answer
      When the platform's database is backed up and restored into an empty database
      Then the restored database holds every signature, program and execution of the original
