@area=checklists
Feature: Robustness to bad input checklist
  Whatever a client sends, the platform answers with a reason and keeps working. Operations need to
  know that no input turns into a server error, a stuck worker or a poisoned queue. The corpus of
  malformed requests is generated from a fixed seed, so a failure can be replayed exactly.

  Rule: No malformed request causes a server error

    @severity=blocker
    Scenario: A generated corpus of malformed requests gets no server error
      When the generated corpus of malformed requests is sent to every published operation
      Then no request of the corpus got a server error
      And the platform reports itself ready

    @severity=critical
    Scenario: NUL characters are refused with a reason wherever text goes in
      Given a question answering signature
      And a program that answers with the "native" adapter
      Then a NUL character is refused with a reason in each of:
        | a question            |
        | a program name        |
        | a program setting     |

    @severity=critical
    Scenario: A body in an unknown or malformed character set is refused on every write
      Then a body declared in each of these character sets is refused as an unsupported media type on every write operation:
        | foo           |
        | utf-99        |
        | "unterminated |

  Rule: One hostile request cannot hurt anybody else's work

    @severity=critical
    Scenario: Deeply nested inputs are refused and the Python workers keep serving
      Given a signature that takes a map
      And a program that answers with the "python_port" adapter
      When a user sends inputs nested 990 levels deep
      Then the request is refused because the inputs nest too deeply
      And a question on the program is still answered within 5 seconds without a worker restart

    @severity=critical @requires=bridge-worker
    Scenario: A worker answers a request it cannot read with that request's id
      When a worker is sent a request whose arguments nest 2000 levels deep
      Then the worker answers the request by its id with a typed error
      And the worker still reports its health

    @severity=critical @requires=bridge-worker
    Scenario: A worker refuses a request over its frame limit by that request's id
      When a worker is sent a request one byte over its frame limit
      Then the worker refuses it as too large, naming the request by its id
      And the worker still reports its health

    @severity=critical @requires=bridge-worker
    Scenario: A compressed frame that would inflate beyond the frame limit is refused
      When a worker is sent a compressed frame of zeros that inflates to 64 MiB
      Then the worker refuses it as too large
      And the worker's memory stayed below 48 MiB

    @severity=critical
    Scenario: A simulated model latency beyond its bound is refused
      Given a question answering signature
      Then a program whose model takes longer than the bound is refused naming the setting

    @severity=critical
    Scenario: A slow program does not starve the others
      Given a question answering signature
      And a program on the "native" adapter whose model takes 2000 ms
      And a program that answers with the "native" adapter
      When 4 questions are queued on the slow program
      And a user asks "Am I starved?"
      Then the answer is completed within 1500 ms

    @severity=critical
    Scenario: The compiler's time grows in proportion to the number of fields
      When signatures of 500 and 4000 fields are compiled
      Then compiling 8 times the fields takes at most 20 times as long
