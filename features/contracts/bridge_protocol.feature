@area=contracts
Feature: Bridge protocol
  The Python worker behind the python_port adapter is reached through a binary wire protocol. The
  platform team needs the worker to answer as documented and to survive broken input: a worker that
  dies on a bad frame takes in-flight work with it.

  Background:
    Given a bridge worker started for the suite

  Rule: A worker answers every documented command

    @severity=critical @requires=bridge-worker
    Scenario: A worker reports its health
      When the worker is asked for its health
      Then the worker reports status "ok" on protocol version 1 with its process id and uptime

    @severity=critical @requires=bridge-worker
    Scenario: A worker runs a program over the bridge
      When the worker is asked to answer "Why is the sky blue?" with a reasoning signature
      Then the worker answers with an answer, a reasoning chain and a confidence

    @severity=normal @requires=bridge-worker
    Scenario: A compressed request is understood
      When the worker is asked for its health in a compressed frame
      Then the worker reports status "ok" on protocol version 1 with its process id and uptime

  Rule: A worker refuses broken input with a typed error and keeps serving

    @severity=critical @requires=bridge-worker
    Scenario: A malformed frame is refused and the worker keeps serving
      When the worker is sent a frame that is not JSON
      Then the worker refuses it as "malformed_frame"
      And the worker still answers a health check

    @severity=critical @requires=bridge-worker
    Scenario: An oversized frame is refused and the worker keeps serving
      When the worker is sent a frame one byte over its size limit
      Then the worker refuses it as "frame_too_large"
      And the worker still answers a health check

    @severity=normal @requires=bridge-worker
    Scenario: An unknown command is refused by name
      When the worker is asked to "levitate"
      Then the worker refuses it as "unknown_command"
      And the worker still answers a health check
