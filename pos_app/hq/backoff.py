"""When to try again after the head office could not be reached: exponential, capped, jittered."""

from __future__ import annotations

import random
from dataclasses import dataclass, field


@dataclass
class Backoff:
    """``next()`` gives 15 s, 30 s, 60 s … up to ``cap`` (±20 %); ``reset()`` after a success."""

    first: float = 15.0
    cap: float = 600.0
    jitter: float = 0.2
    failures: int = 0
    _rng: random.Random = field(default_factory=random.Random, repr=False)

    def next(self) -> float:
        delay: float = min(self.cap, self.first * 2.0 ** self.failures)
        self.failures += 1
        return delay * (1 + self.jitter * (2 * self._rng.random() - 1))

    def reset(self) -> None:
        self.failures = 0
