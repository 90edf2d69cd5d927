"""bordermap: the command line of the border-event mapper.

The work is done by the ``gazetteer``, ``geo`` and ``maps`` packages; this
package only parses arguments, formats answers and chooses exit codes.
"""

__version__ = "0.1.0"
