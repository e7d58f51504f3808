"""ePay's widget inside the till: the web view, the QWebChannel bridge, the navigation policy."""
