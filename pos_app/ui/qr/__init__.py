"""Pay by QR link on the customer's phone: the controller, the QR page and painter, and the
customer-facing display."""
