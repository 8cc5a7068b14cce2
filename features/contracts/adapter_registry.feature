@area=contracts
Feature: Adapter registry
  Teams choose a model adapter per program. They need to see which adapters exist and what each can
  do, and to trust that switching adapters does not change the shape of what comes back.

  Rule: Every adapter is listed with its capabilities and fills the declared types

    @severity=critical
    Scenario: Both adapters are listed with their capabilities
      When a team lists the platform's adapters
      Then the adapters "native" and "python_port" are offered
      And each adapter states its runtime and the output types it can fill

    @severity=critical
    Scenario: The same program gives outputs of the declared types on each adapter
      Given a signature whose outputs use every type
      And a program that answers with the "native" adapter
      And a program that answers with the "python_port" adapter
      When a user asks "Compare the adapters" on every program
      Then every execution completes with outputs of the declared types
      And both adapters give the same outputs for the same question
