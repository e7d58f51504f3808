"""Pure domain logic: money, invoice numbers, the payment life cycle. Standard library only."""
