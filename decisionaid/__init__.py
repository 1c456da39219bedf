"""decisionaid: a shared decision-making aid for hemophilia treatment choices."""

__version__ = "0.1.0"
