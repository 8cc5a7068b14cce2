@area=workflows
Feature: Multi-step reasoning
  The product owner of the reasoning assistant needs users to see how an answer was reached: the
  steps in order, the conclusion, and how sure the model is.

  Rule: Reasoning is shown step by step and ends in a conclusion with a confidence

    @severity=critical
    Scenario: A multi-step question is answered with a visible chain of reasoning
      Given a multi-step reasoning signature
      And a program that answers with the "python_port" adapter
      When a user asks "If all bloops are razzies and all razzies are lazzies, are all bloops lazzies?"
      Then the execution completes with an answer
      And the reasoning has at least 2 steps, each numbered and explained
      And a conclusion is stated
      And the confidence is between 0 and 1
