"""The embedded ePay form: host page, QWebChannel bridge, navigation policy."""
