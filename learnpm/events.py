"""Signals one feature sends and another listens to, so features need not import each other.

Sent after the change is committed; receivers do their own short transaction.
"""
from blinker import Namespace

_signals = Namespace()

# sender: None; kwargs: user_id, slug
module_completed = _signals.signal("module-completed")
# sender: None; kwargs: user_id, bank, mode ("practice" | "exam"), started_at, size (questions
# asked for)
attempt_finished = _signals.signal("attempt-finished")
