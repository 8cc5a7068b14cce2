@area=contracts
Feature: Canaries of the self-check
  These scenarios must fail. The self-check runs them to prove that the suite's machinery can report
  red: a deliberately wrong expectation through the real steps and the real platform. They live
  outside features/ so no readiness run ever sees them.

  @severity=critical
  Scenario: Canary - a signature is expected to have a field it does not declare
    Given a team compiles a signature that uses every type:
      """
      signature canary: :string question -> :string answer
      """
    Then the compiled signature has 2 inputs and 1 outputs

  @severity=critical
  Scenario: Canary - a round-trip budget no bridge can meet
    When 2 clients send executions to a bridge worker back to back
    Then the round trips stay within budget:
      | measure    | limit                           |
      | throughput | at least 100,000,000 per second |
