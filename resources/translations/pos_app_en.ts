<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
    <context>
        <name>ActivityPanel</name>
        <message>
            <source>Type the amount and press Enter to pay by card, or F2 for a QR code.</source>
            <translation>Type the amount and press Enter to pay by card, or F2 for a QR code.</translation>
        </message>
    </context>
    <context>
        <name>CheckoutController</name>
        <message>
            <source>Connecting to the bank…</source>
            <translation>Connecting to the bank…</translation>
        </message>
        <message>
            <source>Cancelling…</source>
            <translation>Cancelling…</translation>
        </message>
        <message>
            <source>Opening the card form…</source>
            <translation>Opening the card form…</translation>
        </message>
        <message>
            <source>Checking with the bank…</source>
            <translation>Checking with the bank…</translation>
        </message>
        <message>
            <source>This usually takes a few seconds.</source>
            <translation>This usually takes a few seconds.</translation>
        </message>
        <message>
            <source>The result will be re-checked.</source>
            <translation>The result will be re-checked.</translation>
        </message>
    </context>
    <context>
        <name>CredentialsPage</name>
        <message>
            <source>ePay credentials</source>
            <translation>ePay credentials</translation>
        </message>
        <message>
            <source>From the bank's merchant letter. The secret goes to the system keyring only.</source>
            <translation>From the bank's merchant letter. The secret goes to the system keyring only.</translation>
        </message>
        <message>
            <source>Test connection</source>
            <translation>Test connection</translation>
        </message>
        <message>
            <source>Client ID</source>
            <translation>Client ID</translation>
        </message>
        <message>
            <source>Terminal ID</source>
            <translation>Terminal ID</translation>
        </message>
        <message>
            <source>Client secret</source>
            <translation>Client secret</translation>
        </message>
        <message>
            <source>No secure keyring is available on this computer, so the secret cannot be stored. Choose training, or install and unlock the system keyring.</source>
            <translation>No secure keyring is available on this computer, so the secret cannot be stored. Choose training, or install and unlock the system keyring.</translation>
        </message>
        <message>
            <source>empty: the bank's public test shop</source>
            <translation>empty: the bank's public test shop</translation>
        </message>
        <message>
            <source>Asking the bank for a token…</source>
            <translation>Asking the bank for a token…</translation>
        </message>
    </context>
    <context>
        <name>CustomerDisplay</name>
        <message>
            <source>Your fiscal receipt: scan to check it</source>
            <translation>Your fiscal receipt: scan to check it</translation>
        </message>
        <message>
            <source>Welcome</source>
            <translation>Welcome</translation>
        </message>
        <message>
            <source>Scan the code with your phone camera to pay</source>
            <translation>Scan the code with your phone camera to pay</translation>
        </message>
        <message>
            <source>Waiting for payment…</source>
            <translation>Waiting for payment…</translation>
        </message>
        <message>
            <source>Payment in progress…</source>
            <translation>Payment in progress…</translation>
        </message>
        <message>
            <source>Checking with the bank…</source>
            <translation>Checking with the bank…</translation>
        </message>
        <message>
            <source>The code is valid for %1</source>
            <translation>The code is valid for %1</translation>
        </message>
        <message>
            <source>Preparing the payment…</source>
            <translation>Preparing the payment…</translation>
        </message>
        <message>
            <source>Paid. Thank you!</source>
            <translation>Paid. Thank you!</translation>
        </message>
        <message>
            <source>The payment was declined</source>
            <translation>The payment was declined</translation>
        </message>
        <message>
            <source>The payment was cancelled</source>
            <translation>The payment was cancelled</translation>
        </message>
        <message>
            <source>The code has expired</source>
            <translation>The code has expired</translation>
        </message>
        <message>
            <source>Please wait: the bank is confirming the payment</source>
            <translation>Please wait: the bank is confirming the payment</translation>
        </message>
        <message>
            <source>The payment could not be started</source>
            <translation>The payment could not be started</translation>
        </message>
        <message>
            <source>TRAINING: this is not a real payment</source>
            <translation>TRAINING: this is not a real payment</translation>
        </message>
        <message>
            <source>TEST: this is not a real payment</source>
            <translation>TEST: this is not a real payment</translation>
        </message>
        <message>
            <source>Customer display</source>
            <translation>Customer display</translation>
        </message>
    </context>
    <context>
        <name>DetailPanel</name>
        <message>
            <source>Invoice</source>
            <translation>Invoice</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>Amount</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Refunded</source>
            <translation>Refunded</translation>
        </message>
        <message>
            <source>Card</source>
            <translation>Card</translation>
        </message>
        <message>
            <source>RRN</source>
            <translation>RRN</translation>
        </message>
        <message>
            <source>Approval code</source>
            <translation>Approval code</translation>
        </message>
        <message>
            <source>Method</source>
            <translation>Method</translation>
        </message>
        <message>
            <source>When</source>
            <translation>When</translation>
        </message>
        <message>
            <source>Change</source>
            <translation>Change</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>Receipt…</source>
            <translation>Receipt…</translation>
        </message>
        <message>
            <source>Refund…</source>
            <translation>Refund…</translation>
        </message>
        <message>
            <source>Cancel the hold…</source>
            <translation>Cancel the hold…</translation>
        </message>
        <message>
            <source>What happened</source>
            <translation>What happened</translation>
        </message>
        <message>
            <source>QR</source>
            <translation>QR</translation>
        </message>
        <message>
            <source>⚠ Check with the bank: %1</source>
            <translation>⚠ Check with the bank: %1</translation>
        </message>
    </context>
    <context>
        <name>DocumentDialog</name>
        <message>
            <source>Print…</source>
            <translation>Print…</translation>
        </message>
        <message>
            <source>Save as PDF…</source>
            <translation>Save as PDF…</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Sent to the printer.</source>
            <translation>Sent to the printer.</translation>
        </message>
        <message>
            <source>Save as PDF</source>
            <translation>Save as PDF</translation>
        </message>
        <message>
            <source>PDF documents (*.pdf)</source>
            <translation>PDF documents (*.pdf)</translation>
        </message>
        <message>
            <source>The PDF could not be saved: %1</source>
            <translation>The PDF could not be saved: %1</translation>
        </message>
        <message>
            <source>Saved: %1</source>
            <translation>Saved: %1</translation>
        </message>
    </context>
    <context>
        <name>EntryPanel</name>
        <message>
            <source>Amount to pay</source>
            <translation>Amount to pay</translation>
        </message>
        <message>
            <source>Amount, tenge</source>
            <translation>Amount, tenge</translation>
        </message>
        <message>
            <source>Amount in tenge</source>
            <translation>Amount in tenge</translation>
        </message>
        <message>
            <source>Optional, up to 125 bytes</source>
            <translation>Optional, up to 125 bytes</translation>
        </message>
        <message>
            <source>Payment description</source>
            <translation>Payment description</translation>
        </message>
        <message>
            <source>Optional</source>
            <translation>Optional</translation>
        </message>
        <message>
            <source>Customer account id</source>
            <translation>Customer account id</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>Description</translation>
        </message>
        <message>
            <source>Customer id</source>
            <translation>Customer id</translation>
        </message>
        <message>
            <source>Input problem</source>
            <translation>Input problem</translation>
        </message>
        <message>
            <source>Pay by card  [Enter]</source>
            <translation>Pay by card  [Enter]</translation>
        </message>
        <message>
            <source>Pay by card</source>
            <translation>Pay by card</translation>
        </message>
        <message>
            <source>Pay by card (Enter)</source>
            <translation>Pay by card (Enter)</translation>
        </message>
        <message>
            <source>QR  [F2]</source>
            <translation>QR  [F2]</translation>
        </message>
        <message>
            <source>Pay by QR code on the customer's phone</source>
            <translation>Pay by QR code on the customer's phone</translation>
        </message>
        <message>
            <source>Pay by QR code on the customer's phone (F2)</source>
            <translation>Pay by QR code on the customer's phone (F2)</translation>
        </message>
    </context>
    <context>
        <name>Environment</name>
        <message>
            <source>TRAINING</source>
            <translation>TRAINING</translation>
        </message>
        <message>
            <source>TEST</source>
            <translation>TEST</translation>
        </message>
    </context>
    <context>
        <name>EnvironmentPage</name>
        <message>
            <source>Where will this till take payments?</source>
            <translation>Where will this till take payments?</translation>
        </message>
        <message>
            <source>You can change this later in the settings.</source>
            <translation>You can change this later in the settings.</translation>
        </message>
        <message>
            <source>Training: practise with the built-in emulator, no real money</source>
            <translation>Training: practise with the built-in emulator, no real money</translation>
        </message>
        <message>
            <source>ePay test: the bank's test environment</source>
            <translation>ePay test: the bank's test environment</translation>
        </message>
        <message>
            <source>ePay production: real card payments</source>
            <translation>ePay production: real card payments</translation>
        </message>
    </context>
    <context>
        <name>FirstRun</name>
        <message>
            <source>Connected: the bank accepted these credentials.</source>
            <translation>Connected: the bank accepted these credentials.</translation>
        </message>
        <message>
            <source>The bank refused these credentials. Check the client ID, the secret and the terminal ID.</source>
            <translation>The bank refused these credentials. Check the client ID, the secret and the terminal ID.</translation>
        </message>
        <message>
            <source>The bank refused the request. Check the terminal ID.</source>
            <translation>The bank refused the request. Check the terminal ID.</translation>
        </message>
        <message>
            <source>The bank did not answer in time. Check the network and try again.</source>
            <translation>The bank did not answer in time. Check the network and try again.</translation>
        </message>
        <message>
            <source>The bank cannot be reached. Check the network connection, proxy and firewall.</source>
            <translation>The bank cannot be reached. Check the network connection, proxy and firewall.</translation>
        </message>
        <message>
            <source>The bank sent an answer the till cannot read. Try again later.</source>
            <translation>The bank sent an answer the till cannot read. Try again later.</translation>
        </message>
        <message>
            <source>Some details are missing or malformed.</source>
            <translation>Some details are missing or malformed.</translation>
        </message>
        <message>
            <source>The connection test failed unexpectedly.</source>
            <translation>The connection test failed unexpectedly.</translation>
        </message>
    </context>
    <context>
        <name>FirstRunWizard</name>
        <message>
            <source>Set up the till</source>
            <translation>Set up the till</translation>
        </message>
    </context>
    <context>
        <name>Fiscal</name>
        <message>
            <source>Printing…</source>
            <translation>Printing…</translation>
        </message>
        <message>
            <source>This payment has no registered fiscal receipt.</source>
            <translation>This payment has no registered fiscal receipt.</translation>
        </message>
        <message>
            <source>Return receipt being registered…</source>
            <translation>Return receipt being registered…</translation>
        </message>
        <message>
            <source>No return receipt was queued: this payment has no registered fiscal receipt.</source>
            <translation>No return receipt was queued: this payment has no registered fiscal receipt.</translation>
        </message>
        <message>
            <source>Return receipt queued.</source>
            <translation>Return receipt queued.</translation>
        </message>
        <message>
            <source>Return receipt %1 registered.</source>
            <translation>Return receipt %1 registered.</translation>
        </message>
        <message>
            <source>Basis: sale receipt %1 of %2, register %3.</source>
            <translation>Basis: sale receipt %1 of %2, register %3.</translation>
        </message>
        <message>
            <source>Fiscal receipt again</source>
            <translation>Fiscal receipt again</translation>
        </message>
        <message>
            <source>The register's shift reaches its 24-hour limit within an hour: close the shift (Z report) soon.</source>
            <translation>The register's shift reaches its 24-hour limit within an hour: close the shift (Z report) soon.</translation>
        </message>
        <message>
            <source>This payment has no registered fiscal receipt yet, and a return receipt must refer to it. Wait until it is registered, then refund.</source>
            <translation>This payment has no registered fiscal receipt yet, and a return receipt must refer to it. Wait until it is registered, then refund.</translation>
        </message>
        <message>
            <source>The cash register refused to close its shift (login or set-up), so the shift stays open. Nothing is lost. Call the administrator to check the fiscal settings (pos-app doctor), then close the shift again.</source>
            <translation>The cash register refused to close its shift (login or set-up), so the shift stays open. Nothing is lost. Call the administrator to check the fiscal settings (pos-app doctor), then close the shift again.</translation>
        </message>
        <message>
            <source>The cash register cannot be reached, so the shift stays open (the till's and the register's). Nothing is lost: you can go on selling, the receipts wait and go out when it answers. Check the internet connection, then close the shift again.</source>
            <translation>The cash register cannot be reached, so the shift stays open (the till's and the register's). Nothing is lost: you can go on selling, the receipts wait and go out when it answers. Check the internet connection, then close the shift again.</translation>
        </message>
        <message>
            <source>The cash register has not confirmed some receipts yet, so the shift stays open. Nothing is lost: they are checked again. Check the internet connection, then close the shift again in a minute.</source>
            <translation>The cash register has not confirmed some receipts yet, so the shift stays open. Nothing is lost: they are checked again. Check the internet connection, then close the shift again in a minute.</translation>
        </message>
        <message>
            <source>The cash register is blocked, so the shift stays open. Nothing is lost: the receipts wait. Call the register's support (Webkassa) to unblock it, then close the shift again.</source>
            <translation>The cash register is blocked, so the shift stays open. Nothing is lost: the receipts wait. Call the register's support (Webkassa) to unblock it, then close the shift again.</translation>
        </message>
        <message>
            <source>Receipt printed.</source>
            <translation>Receipt printed.</translation>
        </message>
        <message>
            <source>Receipt printer (tcp://host:9100, usb://…)</source>
            <translation>Receipt printer (tcp://host:9100, usb://…)</translation>
        </message>
        <message>
            <source>Fiscal receipt queued</source>
            <translation>Fiscal receipt queued</translation>
        </message>
        <message>
            <source>No fiscal receipts</source>
            <translation>No fiscal receipts</translation>
        </message>
        <message>
            <source>Same as the till</source>
            <translation>Same as the till</translation>
        </message>
        <message>
            <source>Webkassa test</source>
            <translation>Webkassa test</translation>
        </message>
        <message>
            <source>Webkassa production</source>
            <translation>Webkassa production</translation>
        </message>
        <message>
            <source>Kept in the keyring; leave empty to keep it</source>
            <translation>Kept in the keyring; leave empty to keep it</translation>
        </message>
        <message>
            <source>Cloud cash register</source>
            <translation>Cloud cash register</translation>
        </message>
        <message>
            <source>Register environment</source>
            <translation>Register environment</translation>
        </message>
        <message>
            <source>Cashbox unique number (ZNM)</source>
            <translation>Cashbox unique number (ZNM)</translation>
        </message>
        <message>
            <source>Register login</source>
            <translation>Register login</translation>
        </message>
        <message>
            <source>API key</source>
            <translation>API key</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>Password</translation>
        </message>
        <message>
            <source>VAT rate, % (-1 = no VAT)</source>
            <translation>VAT rate, % (-1 = no VAT)</translation>
        </message>
        <message>
            <source>Item name on the receipt</source>
            <translation>Item name on the receipt</translation>
        </message>
        <message>
            <source>Section</source>
            <translation>Section</translation>
        </message>
        <message>
            <source>Receipt width, mm (58 or 80)</source>
            <translation>Receipt width, mm (58 or 80)</translation>
        </message>
        <message>
            <source>Fiscal receipts</source>
            <translation>Fiscal receipts</translation>
        </message>
        <message>
            <source>Type a whole number.</source>
            <translation>Type a whole number.</translation>
        </message>
        <message>
            <source>Register secrets are kept for Webkassa test or production only.</source>
            <translation>Register secrets are kept for Webkassa test or production only.</translation>
        </message>
        <message>
            <source>Type the login, the API key and the password together.</source>
            <translation>Type the login, the API key and the password together.</translation>
        </message>
        <message>
            <source>The cash register is blocked. Receipts wait in the queue; call support.</source>
            <translation>The cash register is blocked. Receipts wait in the queue; call support.</translation>
        </message>
        <message>
            <source>The register's shift is over 24 hours: close the shift (Z report). Receipts wait in the queue.</source>
            <translation>The register's shift is over 24 hours: close the shift (Z report). Receipts wait in the queue.</translation>
        </message>
        <message>
            <source>The register has had no link to the OFD for over 72 hours. Receipts wait in the queue; call support.</source>
            <translation>The register has had no link to the OFD for over 72 hours. Receipts wait in the queue; call support.</translation>
        </message>
        <message>
            <source>The cash register refused a receipt (error %1). Call support.</source>
            <translation>The cash register refused a receipt (error %1). Call support.</translation>
        </message>
        <message>
            <source>The cash register cannot be reached. Receipts wait in the queue and go out automatically; do not ring the sale up again.</source>
            <translation>The cash register cannot be reached. Receipts wait in the queue and go out automatically; do not ring the sale up again.</translation>
        </message>
        <message>
            <source>Fiscal receipt being registered…</source>
            <translation>Fiscal receipt being registered…</translation>
        </message>
        <message>
            <source>Fiscal receipt %1</source>
            <translation>Fiscal receipt %1</translation>
        </message>
        <message>
            <source>(autonomous mode)</source>
            <translation>(autonomous mode)</translation>
        </message>
        <message>
            <source>Shift %1, receipt %2</source>
            <translation>Shift %1, receipt %2</translation>
        </message>
        <message>
            <source>Register %1</source>
            <translation>Register %1</translation>
        </message>
    </context>
    <context>
        <name>FiscalController</name>
        <message>
            <source>Fiscal receipts cannot be registered right now.</source>
            <translation>Fiscal receipts cannot be registered right now.</translation>
        </message>
    </context>
    <context>
        <name>FormPanel</name>
        <message>
            <source>The bank's card form</source>
            <translation>The bank's card form</translation>
        </message>
        <message>
            <source>The customer enters the card details in the bank's form.</source>
            <translation>The customer enters the card details in the bank's form.</translation>
        </message>
        <message>
            <source>Cancel payment  [Esc]</source>
            <translation>Cancel payment  [Esc]</translation>
        </message>
        <message>
            <source>Cancel the payment</source>
            <translation>Cancel the payment</translation>
        </message>
        <message>
            <source>Cancel the payment (Esc)</source>
            <translation>Cancel the payment (Esc)</translation>
        </message>
    </context>
    <context>
        <name>HistoryLauncher</name>
        <message>
            <source>History  [F3]</source>
            <translation>History  [F3]</translation>
        </message>
        <message>
            <source>Payments, receipts, refunds and shift reports (F3)</source>
            <translation>Payments, receipts, refunds and shift reports (F3)</translation>
        </message>
    </context>
    <context>
        <name>HistoryModel</name>
        <message>
            <source>Time</source>
            <translation>Time</translation>
        </message>
        <message>
            <source>Invoice</source>
            <translation>Invoice</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>Amount</translation>
        </message>
        <message>
            <source>Method</source>
            <translation>Method</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Card</source>
            <translation>Card</translation>
        </message>
        <message>
            <source>RRN</source>
            <translation>RRN</translation>
        </message>
        <message>
            <source>QR</source>
            <translation>QR</translation>
        </message>
        <message>
            <source>⚠ check with the bank</source>
            <translation>⚠ check with the bank</translation>
        </message>
    </context>
    <context>
        <name>HistoryWindow</name>
        <message>
            <source>Payment history</source>
            <translation>Payment history</translation>
        </message>
        <message>
            <source>Invoice, amount, RRN or card (*1234)</source>
            <translation>Invoice, amount, RRN or card (*1234)</translation>
        </message>
        <message>
            <source>Dates</source>
            <translation>Dates</translation>
        </message>
        <message>
            <source>All statuses</source>
            <translation>All statuses</translation>
        </message>
        <message>
            <source>Approved</source>
            <translation>Approved</translation>
        </message>
        <message>
            <source>Refunded</source>
            <translation>Refunded</translation>
        </message>
        <message>
            <source>Cancelled or expired</source>
            <translation>Cancelled or expired</translation>
        </message>
        <message>
            <source>Declined</source>
            <translation>Declined</translation>
        </message>
        <message>
            <source>Not confirmed yet</source>
            <translation>Not confirmed yet</translation>
        </message>
        <message>
            <source>Not started</source>
            <translation>Not started</translation>
        </message>
        <message>
            <source>Card and QR</source>
            <translation>Card and QR</translation>
        </message>
        <message>
            <source>Card</source>
            <translation>Card</translation>
        </message>
        <message>
            <source>QR</source>
            <translation>QR</translation>
        </message>
        <message>
            <source>Shift and reports…</source>
            <translation>Shift and reports…</translation>
        </message>
        <message numerus="yes">
            <source>%n payment(s)</source>
            <translation>
                <numerusform>%n payment(s)</numerusform>
                <numerusform>%n payment(s)</numerusform>
            </translation>
        </message>
        <message>
            <source>Receipt</source>
            <translation>Receipt</translation>
        </message>
        <message>
            <source>Asking the bank…</source>
            <translation>Asking the bank…</translation>
        </message>
        <message>
            <source>Done: the bank confirmed %1.</source>
            <translation>Done: the bank confirmed %1.</translation>
        </message>
        <message>
            <source>Recorded: the administrator's decision.</source>
            <translation>Recorded: the administrator's decision.</translation>
        </message>
    </context>
    <context>
        <name>HqSync</name>
        <message>
            <source>Head office</source>
            <translation>Head office</translation>
        </message>
        <message>
            <source>⚠ Head office: sending stopped (see pos-app doctor)</source>
            <translation>⚠ Head office: sending stopped (see pos-app doctor)</translation>
        </message>
        <message>
            <source>⚠ Head office: %1 h behind</source>
            <translation>⚠ Head office: %1 h behind</translation>
        </message>
        <message>
            <source>Payments are safe in this till. They reach the head office when it can be reached again.</source>
            <translation>Payments are safe in this till. They reach the head office when it can be reached again.</translation>
        </message>
    </context>
    <context>
        <name>Keypad</name>
        <message>
            <source>Delete last digit</source>
            <translation>Delete last digit</translation>
        </message>
        <message>
            <source>Delete last digit (Backspace)</source>
            <translation>Delete last digit (Backspace)</translation>
        </message>
        <message>
            <source>Decimal comma</source>
            <translation>Decimal comma</translation>
        </message>
        <message>
            <source>Keypad</source>
            <translation>Keypad</translation>
        </message>
    </context>
    <context>
        <name>Kiosk</name>
        <message>
            <source>Leave kiosk mode  [Ctrl+Shift+Q]</source>
            <translation>Leave kiosk mode  [Ctrl+Shift+Q]</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Settings saved. The language applies now; other changes after a restart.</source>
            <translation>Settings saved. The language applies now; other changes after a restart.</translation>
        </message>
        <message>
            <source>ePay till</source>
            <translation>ePay till</translation>
        </message>
        <message>
            <source>Environment</source>
            <translation>Environment</translation>
        </message>
        <message>
            <source>Settings…  [Ctrl+,]</source>
            <translation>Settings…  [Ctrl+,]</translation>
        </message>
        <message>
            <source>Settings (Ctrl+,), needs the administrator PIN</source>
            <translation>Settings (Ctrl+,), needs the administrator PIN</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Settings</translation>
        </message>
        <message>
            <source>TRAINING — no real money</source>
            <translation>TRAINING — no real money</translation>
        </message>
        <message>
            <source>ePay TEST</source>
            <translation>ePay TEST</translation>
        </message>
        <message>
            <source>ePay</source>
            <translation>ePay</translation>
        </message>
    </context>
    <context>
        <name>Messages</name>
        <message>
            <source>Type the amount first.</source>
            <translation>Type the amount first.</translation>
        </message>
        <message>
            <source>The amount cannot be negative.</source>
            <translation>The amount cannot be negative.</translation>
        </message>
        <message>
            <source>Use only digits and one comma.</source>
            <translation>Use only digits and one comma.</translation>
        </message>
        <message>
            <source>At most two digits after the comma.</source>
            <translation>At most two digits after the comma.</translation>
        </message>
        <message>
            <source>This is not an amount.</source>
            <translation>This is not an amount.</translation>
        </message>
        <message>
            <source>The amount must be more than zero.</source>
            <translation>The amount must be more than zero.</translation>
        </message>
        <message>
            <source>The amount is above this till's limit.</source>
            <translation>The amount is above this till's limit.</translation>
        </message>
        <message>
            <source>The description is too long (at most 125 bytes).</source>
            <translation>The description is too long (at most 125 bytes).</translation>
        </message>
        <message>
            <source>The description has characters that cannot be sent.</source>
            <translation>The description has characters that cannot be sent.</translation>
        </message>
        <message>
            <source>The customer id may have Latin letters and digits only.</source>
            <translation>The customer id may have Latin letters and digits only.</translation>
        </message>
        <message>
            <source>The bank refused this till's credentials. Call the administrator.</source>
            <translation>The bank refused this till's credentials. Call the administrator.</translation>
        </message>
        <message>
            <source>The bank refused the request.</source>
            <translation>The bank refused the request.</translation>
        </message>
        <message>
            <source>The bank did not answer in time. Please try again.</source>
            <translation>The bank did not answer in time. Please try again.</translation>
        </message>
        <message>
            <source>No connection to the bank. Check the network and try again.</source>
            <translation>No connection to the bank. Check the network and try again.</translation>
        </message>
        <message>
            <source>The bank sent an answer the till cannot read. Please try again.</source>
            <translation>The bank sent an answer the till cannot read. Please try again.</translation>
        </message>
        <message>
            <source>The request is not valid.</source>
            <translation>The request is not valid.</translation>
        </message>
        <message>
            <source>The bank's card form could not be opened. Please try again.</source>
            <translation>The bank's card form could not be opened. Please try again.</translation>
        </message>
        <message>
            <source>The payment journal cannot be written. Payments are stopped; call the administrator.</source>
            <translation>The payment journal cannot be written. Payments are stopped; call the administrator.</translation>
        </message>
        <message>
            <source>A payment is already in progress.</source>
            <translation>A payment is already in progress.</translation>
        </message>
        <message>
            <source>The bank did not confirm the result. Do not repeat it: the till checks with the bank first.</source>
            <translation>The bank did not confirm the result. Do not repeat it: the till checks with the bank first.</translation>
        </message>
        <message>
            <source>The bank's service is not working right now. Please try again later.</source>
            <translation>The bank's service is not working right now. Please try again later.</translation>
        </message>
        <message>
            <source>The bank sent an answer the till cannot read. Call the administrator.</source>
            <translation>The bank sent an answer the till cannot read. Call the administrator.</translation>
        </message>
        <message>
            <source>The bank's address in the settings is not valid. Call the administrator.</source>
            <translation>The bank's address in the settings is not valid. Call the administrator.</translation>
        </message>
        <message>
            <source>The bank refused to start this payment. Check the amount and try again.</source>
            <translation>The bank refused to start this payment. Check the amount and try again.</translation>
        </message>
        <message>
            <source>The bank does not know this payment.</source>
            <translation>The bank does not know this payment.</translation>
        </message>
        <message>
            <source>The invoice number is not valid for the bank.</source>
            <translation>The invoice number is not valid for the bank.</translation>
        </message>
        <message>
            <source>The payment id is not valid for the bank.</source>
            <translation>The payment id is not valid for the bank.</translation>
        </message>
        <message>
            <source>The refund id is not valid for the bank.</source>
            <translation>The refund id is not valid for the bank.</translation>
        </message>
        <message>
            <source>A refund must be at least 10 tenge.</source>
            <translation>A refund must be at least 10 tenge.</translation>
        </message>
        <message>
            <source>Payment links need the shop id in the settings. Call the administrator.</source>
            <translation>Payment links need the shop id in the settings. Call the administrator.</translation>
        </message>
        <message>
            <source>The amount is too large.</source>
            <translation>The amount is too large.</translation>
        </message>
        <message>
            <source>The amount is below the bank's minimum.</source>
            <translation>The amount is below the bank's minimum.</translation>
        </message>
        <message>
            <source>A phone number is +7 and 10 digits.</source>
            <translation>A phone number is +7 and 10 digits.</translation>
        </message>
        <message>
            <source>The link lifetime is a number of days, like 1d.</source>
            <translation>The link lifetime is a number of days, like 1d.</translation>
        </message>
        <message>
            <source>The language must be Russian, Kazakh or English.</source>
            <translation>The language must be Russian, Kazakh or English.</translation>
        </message>
        <message>
            <source>Something went wrong. Please try again.</source>
            <translation>Something went wrong. Please try again.</translation>
        </message>
        <message>
            <source>Not enough money on the card.</source>
            <translation>Not enough money on the card.</translation>
        </message>
        <message>
            <source>The card was refused: try another card.</source>
            <translation>The card was refused: try another card.</translation>
        </message>
        <message>
            <source>Refused by the card's bank: the customer should call it.</source>
            <translation>Refused by the card's bank: the customer should call it.</translation>
        </message>
        <message>
            <source>The bank's systems are busy: try again in a few minutes.</source>
            <translation>The bank's systems are busy: try again in a few minutes.</translation>
        </message>
        <message>
            <source>A limit was reached: try a smaller amount or another card.</source>
            <translation>A limit was reached: try a smaller amount or another card.</translation>
        </message>
        <message>
            <source>The payment was refused.</source>
            <translation>The payment was refused.</translation>
        </message>
        <message>
            <source>%1 (code %2)</source>
            <translation>%1 (code %2)</translation>
        </message>
    </context>
    <context>
        <name>NewPinDialog</name>
        <message>
            <source>Choose an administrator PIN</source>
            <translation>Choose an administrator PIN</translation>
        </message>
        <message>
            <source>No administrator PIN is set yet. Choose one now; it protects the settings and refunds.</source>
            <translation>No administrator PIN is set yet. Choose one now; it protects the settings and refunds.</translation>
        </message>
    </context>
    <context>
        <name>OfflineBanner</name>
        <message>
            <source>No connection to the bank: new payments are paused. History and reports still work. The till keeps checking and continues by itself.</source>
            <translation>No connection to the bank: new payments are paused. History and reports still work. The till keeps checking and continues by itself.</translation>
        </message>
        <message>
            <source>Offline: no connection to ePay</source>
            <translation>Offline: no connection to ePay</translation>
        </message>
        <message>
            <source>Checking…</source>
            <translation>Checking…</translation>
        </message>
        <message>
            <source>Check now  [F5]</source>
            <translation>Check now  [F5]</translation>
        </message>
        <message>
            <source>Check the connection to the bank now</source>
            <translation>Check the connection to the bank now</translation>
        </message>
        <message>
            <source>No connection to the bank</source>
            <translation>No connection to the bank</translation>
        </message>
    </context>
    <context>
        <name>PinFields</name>
        <message>
            <source>New PIN (6–12 digits)</source>
            <translation>New PIN (6–12 digits)</translation>
        </message>
        <message>
            <source>Repeat the PIN</source>
            <translation>Repeat the PIN</translation>
        </message>
        <message>
            <source>The two PINs differ.</source>
            <translation>The two PINs differ.</translation>
        </message>
    </context>
    <context>
        <name>PinPage</name>
        <message>
            <source>Administrator PIN</source>
            <translation>Administrator PIN</translation>
        </message>
        <message>
            <source>Needed to open the settings, make refunds and leave kiosk mode. Cashiers should not know it.</source>
            <translation>Needed to open the settings, make refunds and leave kiosk mode. Cashiers should not know it.</translation>
        </message>
    </context>
    <context>
        <name>PinPrompt</name>
        <message>
            <source>Administrator PIN</source>
            <translation>Administrator PIN</translation>
        </message>
        <message>
            <source>This action needs the administrator PIN.</source>
            <translation>This action needs the administrator PIN.</translation>
        </message>
        <message numerus="yes">
            <source>Too many wrong PINs. Try again in %n second(s).</source>
            <translation>
                <numerusform>Too many wrong PINs. Try again in %n second(s).</numerusform>
                <numerusform>Too many wrong PINs. Try again in %n second(s).</numerusform>
            </translation>
        </message>
        <message>
            <source>You can try again now.</source>
            <translation>You can try again now.</translation>
        </message>
        <message>
            <source>Your PIN is shorter than 6 digits. Choose a new one now; the action goes ahead once it is set.</source>
            <translation>Your PIN is shorter than 6 digits. Choose a new one now; the action goes ahead once it is set.</translation>
        </message>
        <message>
            <source>Set a new PIN of 6 to 12 digits to go on.</source>
            <translation>Set a new PIN of 6 to 12 digits to go on.</translation>
        </message>
        <message>
            <source>Wrong PIN.</source>
            <translation>Wrong PIN.</translation>
        </message>
    </context>
    <context>
        <name>ProgressPanel</name>
        <message>
            <source>Waiting for the bank</source>
            <translation>Waiting for the bank</translation>
        </message>
        <message>
            <source>Cancel  [Esc]</source>
            <translation>Cancel  [Esc]</translation>
        </message>
        <message>
            <source>Cancel the payment</source>
            <translation>Cancel the payment</translation>
        </message>
        <message>
            <source>Cancel the payment (Esc)</source>
            <translation>Cancel the payment (Esc)</translation>
        </message>
        <message>
            <source>Stop waiting  [Esc]</source>
            <translation>Stop waiting  [Esc]</translation>
        </message>
        <message>
            <source>Stop waiting; the payment is checked again later</source>
            <translation>Stop waiting; the payment is checked again later</translation>
        </message>
    </context>
    <context>
        <name>QrController</name>
        <message>
            <source>Creating the payment link…</source>
            <translation>Creating the payment link…</translation>
        </message>
        <message>
            <source>Cancelling…</source>
            <translation>Cancelling…</translation>
        </message>
        <message>
            <source>Making a new link for the customer…</source>
            <translation>Making a new link for the customer…</translation>
        </message>
        <message>
            <source>Asking the bank once more…</source>
            <translation>Asking the bank once more…</translation>
        </message>
        <message>
            <source>The link could not be sent: check the phone or e-mail.</source>
            <translation>The link could not be sent: check the phone or e-mail.</translation>
        </message>
        <message>
            <source>The bank could not confirm the result yet; it will be re-checked.</source>
            <translation>The bank could not confirm the result yet; it will be re-checked.</translation>
        </message>
        <message>
            <source>The result will be re-checked.</source>
            <translation>The result will be re-checked.</translation>
        </message>
    </context>
    <context>
        <name>QrPanel</name>
        <message>
            <source>The customer scans the code with the phone camera.</source>
            <translation>The customer scans the code with the phone camera.</translation>
        </message>
        <message>
            <source>Time left to pay</source>
            <translation>Time left to pay</translation>
        </message>
        <message>
            <source>Payment link</source>
            <translation>Payment link</translation>
        </message>
        <message>
            <source>Copied</source>
            <translation>Copied</translation>
        </message>
        <message>
            <source>Copy  [Ctrl+Shift+C]</source>
            <translation>Copy  [Ctrl+Shift+C]</translation>
        </message>
        <message>
            <source>Copy the payment link</source>
            <translation>Copy the payment link</translation>
        </message>
        <message>
            <source>Customer phone for an SMS with the link</source>
            <translation>Customer phone for an SMS with the link</translation>
        </message>
        <message>
            <source>name@example.kz</source>
            <translation>name@example.kz</translation>
        </message>
        <message>
            <source>Customer e-mail for the link</source>
            <translation>Customer e-mail for the link</translation>
        </message>
        <message>
            <source>Send the link  [Enter]</source>
            <translation>Send the link  [Enter]</translation>
        </message>
        <message>
            <source>Send the link to the customer</source>
            <translation>Send the link to the customer</translation>
        </message>
        <message>
            <source>Cancel payment  [Esc]</source>
            <translation>Cancel payment  [Esc]</translation>
        </message>
        <message>
            <source>Cancel the payment</source>
            <translation>Cancel the payment</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Phone</translation>
        </message>
        <message>
            <source>E-mail</source>
            <translation>E-mail</translation>
        </message>
        <message>
            <source>Send the link to the customer:</source>
            <translation>Send the link to the customer:</translation>
        </message>
        <message>
            <source>Sending needs invoice-link access in the settings.</source>
            <translation>Sending needs invoice-link access in the settings.</translation>
        </message>
        <message>
            <source>Sent to %1.</source>
            <translation>Sent to %1.</translation>
        </message>
        <message>
            <source>Making a new link for the customer…</source>
            <translation>Making a new link for the customer…</translation>
        </message>
        <message>
            <source>The link is too long for a QR code; copy or send it.</source>
            <translation>The link is too long for a QR code; copy or send it.</translation>
        </message>
        <message>
            <source>Waiting for the customer to pay…</source>
            <translation>Waiting for the customer to pay…</translation>
        </message>
        <message>
            <source>The customer is paying…</source>
            <translation>The customer is paying…</translation>
        </message>
        <message>
            <source>No answer from the bank yet; still checking.</source>
            <translation>No answer from the bank yet; still checking.</translation>
        </message>
        <message>
            <source>Expires in %1</source>
            <translation>Expires in %1</translation>
        </message>
        <message>
            <source>A phone number is +7 and 10 digits.</source>
            <translation>A phone number is +7 and 10 digits.</translation>
        </message>
        <message>
            <source>This is not an e-mail address.</source>
            <translation>This is not an e-mail address.</translation>
        </message>
        <message>
            <source>Type a phone number or an e-mail.</source>
            <translation>Type a phone number or an e-mail.</translation>
        </message>
    </context>
    <context>
        <name>QrWidget</name>
        <message>
            <source>Payment QR code</source>
            <translation>Payment QR code</translation>
        </message>
    </context>
    <context>
        <name>RecentStrip</name>
        <message>
            <source>Recent:</source>
            <translation>Recent:</translation>
        </message>
        <message>
            <source>Recent payments</source>
            <translation>Recent payments</translation>
        </message>
    </context>
    <context>
        <name>RefundDialog</name>
        <message>
            <source>Cancel the hold</source>
            <translation>Cancel the hold</translation>
        </message>
        <message>
            <source>Refund</source>
            <translation>Refund</translation>
        </message>
        <message>
            <source>Release the held %1 of invoice %2?</source>
            <translation>Release the held %1 of invoice %2?</translation>
        </message>
        <message>
            <source>Invoice %2: %1 can still be refunded (at least 10 ₸).</source>
            <translation>Invoice %2: %1 can still be refunded (at least 10 ₸).</translation>
        </message>
        <message>
            <source>Refund amount</source>
            <translation>Refund amount</translation>
        </message>
        <message>
            <source>For example: the customer returned the goods</source>
            <translation>For example: the customer returned the goods</translation>
        </message>
        <message>
            <source>Amount, ₸</source>
            <translation>Amount, ₸</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Reason</translation>
        </message>
    </context>
    <context>
        <name>RefundReviewDialog</name>
        <message>
            <source>Unconfirmed refund</source>
            <translation>Unconfirmed refund</translation>
        </message>
        <message>
            <source>Refund %1 of %2 was sent, but the bank has not confirmed it. Another refund of this payment waits until you decide. Check the merchant cabinet first.</source>
            <translation>Refund %1 of %2 was sent, but the bank has not confirmed it. Another refund of this payment waits until you decide. Check the merchant cabinet first.</translation>
        </message>
        <message>
            <source>The bank says now: %1</source>
            <translation>The bank says now: %1</translation>
        </message>
        <message>
            <source>Why</source>
            <translation>Why</translation>
        </message>
        <message>
            <source>Why, for example: seen in the cabinet</source>
            <translation>Why, for example: seen in the cabinet</translation>
        </message>
        <message>
            <source>The bank refunded it</source>
            <translation>The bank refunded it</translation>
        </message>
        <message>
            <source>It was not refunded</source>
            <translation>It was not refunded</translation>
        </message>
        <message>
            <source>Send it again</source>
            <translation>Send it again</translation>
        </message>
        <message>
            <source>Decide later</source>
            <translation>Decide later</translation>
        </message>
        <message>
            <source>Say why (what the cabinet or the bank showed).</source>
            <translation>Say why (what the cabinet or the bank showed).</translation>
        </message>
    </context>
    <context>
        <name>Refunds</name>
        <message>
            <source>This is not an amount. Type it like 1500 or 1500,50.</source>
            <translation>This is not an amount. Type it like 1500 or 1500,50.</translation>
        </message>
        <message>
            <source>A refund must be at least 10 ₸.</source>
            <translation>A refund must be at least 10 ₸.</translation>
        </message>
        <message>
            <source>The refund is more than what remains on this payment.</source>
            <translation>The refund is more than what remains on this payment.</translation>
        </message>
        <message>
            <source>Give a reason for the refund.</source>
            <translation>Give a reason for the refund.</translation>
        </message>
        <message>
            <source>This payment cannot be refunded.</source>
            <translation>This payment cannot be refunded.</translation>
        </message>
        <message>
            <source>The bank does not hold this payment, so it cannot be cancelled.</source>
            <translation>The bank does not hold this payment, so it cannot be cancelled.</translation>
        </message>
        <message>
            <source>An earlier refund of this payment is not confirmed by the bank. The administrator decides on it first.</source>
            <translation>An earlier refund of this payment is not confirmed by the bank. The administrator decides on it first.</translation>
        </message>
        <message>
            <source>There is no unconfirmed refund on this payment.</source>
            <translation>There is no unconfirmed refund on this payment.</translation>
        </message>
        <message>
            <source>Sent, but the bank has not confirmed it yet. Check again later.</source>
            <translation>Sent, but the bank has not confirmed it yet. Check again later.</translation>
        </message>
        <message>
            <source>A shift is already open.</source>
            <translation>A shift is already open.</translation>
        </message>
        <message>
            <source>No shift is open. Open a shift first.</source>
            <translation>No shift is open. Open a shift first.</translation>
        </message>
    </context>
    <context>
        <name>Report</name>
        <message>
            <source>QR</source>
            <translation>QR</translation>
        </message>
        <message>
            <source>Card</source>
            <translation>Card</translation>
        </message>
        <message>
            <source>Z report No. %1 (shift closed)</source>
            <translation>Z report No. %1 (shift closed)</translation>
        </message>
        <message>
            <source>X report (shift still open)</source>
            <translation>X report (shift still open)</translation>
        </message>
        <message>
            <source>No payments in this shift.</source>
            <translation>No payments in this shift.</translation>
        </message>
        <message>
            <source>From</source>
            <translation>From</translation>
        </message>
        <message>
            <source>to</source>
            <translation>to</translation>
        </message>
        <message>
            <source>Non-fiscal document</source>
            <translation>Non-fiscal document</translation>
        </message>
        <message>
            <source>Sales</source>
            <translation>Sales</translation>
        </message>
        <message>
            <source>Refunds</source>
            <translation>Refunds</translation>
        </message>
        <message>
            <source>Cancelled holds</source>
            <translation>Cancelled holds</translation>
        </message>
        <message>
            <source>Net total</source>
            <translation>Net total</translation>
        </message>
        <message>
            <source>Shift No.</source>
            <translation>Shift No.</translation>
        </message>
        <message>
            <source>Registration No.</source>
            <translation>Registration No.</translation>
        </message>
        <message>
            <source>Cashbox</source>
            <translation>Cashbox</translation>
        </message>
        <message>
            <source>Opened</source>
            <translation>Opened</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>Closed</translation>
        </message>
        <message>
            <source>Printed</source>
            <translation>Printed</translation>
        </message>
        <message>
            <source>Documents</source>
            <translation>Documents</translation>
        </message>
        <message>
            <source>Returns</source>
            <translation>Returns</translation>
        </message>
        <message>
            <source>Autonomous mode</source>
            <translation>Autonomous mode</translation>
        </message>
        <message>
            <source>Cash register Z report</source>
            <translation>Cash register Z report</translation>
        </message>
        <message>
            <source>Cash register X report</source>
            <translation>Cash register X report</translation>
        </message>
        <message>
            <source>Method</source>
            <translation>Method</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Count</source>
            <translation>Count</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>Amount</translation>
        </message>
    </context>
    <context>
        <name>ResultPanel</name>
        <message>
            <source>Type the next amount to continue.</source>
            <translation>Type the next amount to continue.</translation>
        </message>
        <message>
            <source>Invoice: %1</source>
            <translation>Invoice: %1</translation>
        </message>
        <message>
            <source>Time: %1</source>
            <translation>Time: %1</translation>
        </message>
        <message>
            <source>Card: %1</source>
            <translation>Card: %1</translation>
        </message>
        <message>
            <source>RRN: %1</source>
            <translation>RRN: %1</translation>
        </message>
        <message>
            <source>Approval code: %1</source>
            <translation>Approval code: %1</translation>
        </message>
        <message>
            <source>Payment result</source>
            <translation>Payment result</translation>
        </message>
    </context>
    <context>
        <name>Settings</name>
        <message>
            <source>Training (emulator, no real money)</source>
            <translation>Training (emulator, no real money)</translation>
        </message>
        <message>
            <source>ePay test</source>
            <translation>ePay test</translation>
        </message>
        <message>
            <source>ePay test (new hosts)</source>
            <translation>ePay test (new hosts)</translation>
        </message>
        <message>
            <source>ePay production (real money)</source>
            <translation>ePay production (real money)</translation>
        </message>
        <message>
            <source>Bank widget inside the till</source>
            <translation>Bank widget inside the till</translation>
        </message>
        <message>
            <source>Bank payment page (redirect)</source>
            <translation>Bank payment page (redirect)</translation>
        </message>
        <message>
            <source>Type an amount such as 150000 or 99,50.</source>
            <translation>Type an amount such as 150000 or 99,50.</translation>
        </message>
        <message>
            <source>Type a whole number of minutes.</source>
            <translation>Type a whole number of minutes.</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>Till settings</source>
            <translation>Till settings</translation>
        </message>
        <message>
            <source>Show a customer-facing screen</source>
            <translation>Show a customer-facing screen</translation>
        </message>
        <message>
            <source>Kiosk mode (full screen, locked)</source>
            <translation>Kiosk mode (full screen, locked)</translation>
        </message>
        <message>
            <source>Environment</source>
            <translation>Environment</translation>
        </message>
        <message>
            <source>Terminal ID</source>
            <translation>Terminal ID</translation>
        </message>
        <message>
            <source>Client ID</source>
            <translation>Client ID</translation>
        </message>
        <message>
            <source>Client secret</source>
            <translation>Client secret</translation>
        </message>
        <message>
            <source>Shop ID (invoice links)</source>
            <translation>Shop ID (invoice links)</translation>
        </message>
        <message>
            <source>Bank</source>
            <translation>Bank</translation>
        </message>
        <message>
            <source>Shop name</source>
            <translation>Shop name</translation>
        </message>
        <message>
            <source>Shop address</source>
            <translation>Shop address</translation>
        </message>
        <message>
            <source>Default description</source>
            <translation>Default description</translation>
        </message>
        <message>
            <source>Maximum amount, ₸</source>
            <translation>Maximum amount, ₸</translation>
        </message>
        <message>
            <source>Confirm amounts above, ₸ (0 = never)</source>
            <translation>Confirm amounts above, ₸ (0 = never)</translation>
        </message>
        <message>
            <source>Invoice number prefix</source>
            <translation>Invoice number prefix</translation>
        </message>
        <message>
            <source>QR link valid, minutes</source>
            <translation>QR link valid, minutes</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Language</translation>
        </message>
        <message>
            <source>Shop</source>
            <translation>Shop</translation>
        </message>
        <message>
            <source>Card form</source>
            <translation>Card form</translation>
        </message>
        <message>
            <source>Checkout page address (https)</source>
            <translation>Checkout page address (https)</translation>
        </message>
        <message>
            <source>Back link</source>
            <translation>Back link</translation>
        </message>
        <message>
            <source>Failure back link</source>
            <translation>Failure back link</translation>
        </message>
        <message>
            <source>Post link</source>
            <translation>Post link</translation>
        </message>
        <message>
            <source>Failure post link</source>
            <translation>Failure post link</translation>
        </message>
        <message>
            <source>Links</source>
            <translation>Links</translation>
        </message>
        <message>
            <source>Training needs no credentials.</source>
            <translation>Training needs no credentials.</translation>
        </message>
        <message>
            <source>No secure keyring is available on this computer ({reason}). The client secret cannot be stored, so only training mode works here.</source>
            <translation>No secure keyring is available on this computer ({reason}). The client secret cannot be stored, so only training mode works here.</translation>
        </message>
        <message>
            <source>Cannot be stored without a keyring</source>
            <translation>Cannot be stored without a keyring</translation>
        </message>
        <message>
            <source>The client secret is kept only in the system keyring.</source>
            <translation>The client secret is kept only in the system keyring.</translation>
        </message>
        <message>
            <source>Stored in the keyring; leave empty to keep it</source>
            <translation>Stored in the keyring; leave empty to keep it</translation>
        </message>
        <message>
            <source>Not stored yet</source>
            <translation>Not stored yet</translation>
        </message>
        <message>
            <source>Please correct the marked fields.</source>
            <translation>Please correct the marked fields.</translation>
        </message>
    </context>
    <context>
        <name>ShiftDialog</name>
        <message>
            <source>Shift and reports</source>
            <translation>Shift and reports</translation>
        </message>
        <message>
            <source>Open shift</source>
            <translation>Open shift</translation>
        </message>
        <message>
            <source>X report</source>
            <translation>X report</translation>
        </message>
        <message>
            <source>Close shift (Z report)…</source>
            <translation>Close shift (Z report)…</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>Show</translation>
        </message>
        <message>
            <source>Export CSV…</source>
            <translation>Export CSV…</translation>
        </message>
        <message>
            <source>Shift</source>
            <translation>Shift</translation>
        </message>
        <message>
            <source>Earlier Z reports</source>
            <translation>Earlier Z reports</translation>
        </message>
        <message>
            <source>Export the journal as CSV</source>
            <translation>Export the journal as CSV</translation>
        </message>
        <message>
            <source>From</source>
            <translation>From</translation>
        </message>
        <message>
            <source>to</source>
            <translation>to</translation>
        </message>
        <message>
            <source>No shift is open.</source>
            <translation>No shift is open.</translation>
        </message>
        <message>
            <source>Shift open since %1.</source>
            <translation>Shift open since %1.</translation>
        </message>
        <message>
            <source>Z No. %1 — %2</source>
            <translation>Z No. %1 — %2</translation>
        </message>
        <message>
            <source>Close shift</source>
            <translation>Close shift</translation>
        </message>
        <message>
            <source>Close the shift and print the Z report? It cannot be changed afterwards.</source>
            <translation>Close the shift and print the Z report? It cannot be changed afterwards.</translation>
        </message>
        <message>
            <source>Checking unfinished payments with the bank…</source>
            <translation>Checking unfinished payments with the bank…</translation>
        </message>
        <message>
            <source>The report is printed on the receipt printer.</source>
            <translation>The report is printed on the receipt printer.</translation>
        </message>
        <message>
            <source>Printing the report on the receipt printer…</source>
            <translation>Printing the report on the receipt printer…</translation>
        </message>
        <message>
            <source>Export CSV</source>
            <translation>Export CSV</translation>
        </message>
        <message>
            <source>CSV files (*.csv)</source>
            <translation>CSV files (*.csv)</translation>
        </message>
        <message>
            <source>The file could not be written: %1</source>
            <translation>The file could not be written: %1</translation>
        </message>
        <message numerus="yes">
            <source>%n payment(s) exported.</source>
            <translation>
                <numerusform>%n payment(s) exported.</numerusform>
                <numerusform>%n payment(s) exported.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Startup</name>
        <message>
            <source>This computer has no secure password store (keyring), so the ePay secret cannot be read. Install or unlock the system keyring, then start the till again.</source>
            <translation>This computer has no secure password store (keyring), so the ePay secret cannot be read. Install or unlock the system keyring, then start the till again.</translation>
        </message>
        <message>
            <source>The system keyring did not give the ePay secret: it may be locked. Unlock it (log in again), then start the till again.</source>
            <translation>The system keyring did not give the ePay secret: it may be locked. Unlock it (log in again), then start the till again.</translation>
        </message>
        <message>
            <source>The till could not start. Details are in the log file.</source>
            <translation>The till could not start. Details are in the log file.</translation>
        </message>
    </context>
    <context>
        <name>Status</name>
        <message>
            <source>Waiting for the phone</source>
            <translation>Waiting for the phone</translation>
        </message>
        <message>
            <source>Starting</source>
            <translation>Starting</translation>
        </message>
        <message>
            <source>Connecting</source>
            <translation>Connecting</translation>
        </message>
        <message>
            <source>Card form open</source>
            <translation>Card form open</translation>
        </message>
        <message>
            <source>Checking</source>
            <translation>Checking</translation>
        </message>
        <message>
            <source>Approved</source>
            <translation>Approved</translation>
        </message>
        <message>
            <source>Declined</source>
            <translation>Declined</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>Cancelled</translation>
        </message>
        <message>
            <source>Expired</source>
            <translation>Expired</translation>
        </message>
        <message>
            <source>Not confirmed yet</source>
            <translation>Not confirmed yet</translation>
        </message>
        <message>
            <source>Refunded</source>
            <translation>Refunded</translation>
        </message>
        <message>
            <source>Partly refunded</source>
            <translation>Partly refunded</translation>
        </message>
        <message>
            <source>Not started</source>
            <translation>Not started</translation>
        </message>
    </context>
    <context>
        <name>Store</name>
        <message>
            <source>Use digits only.</source>
            <translation>Use digits only.</translation>
        </message>
        <message>
            <source>Use 6 to 12 digits.</source>
            <translation>Use 6 to 12 digits.</translation>
        </message>
        <message>
            <source>Do not use the same digit only.</source>
            <translation>Do not use the same digit only.</translation>
        </message>
        <message>
            <source>The admin PIN file cannot be read.</source>
            <translation>The admin PIN file cannot be read.</translation>
        </message>
        <message>
            <source>The admin PIN file is damaged. Ask the administrator to reset it.</source>
            <translation>The admin PIN file is damaged. Ask the administrator to reset it.</translation>
        </message>
        <message>
            <source>No admin PIN has been set.</source>
            <translation>No admin PIN has been set.</translation>
        </message>
        <message>
            <source>The admin PIN file is missing. Ask the administrator to set it up again.</source>
            <translation>The admin PIN file is missing. Ask the administrator to set it up again.</translation>
        </message>
        <message>
            <source>Must be a UUID like 67e34d63-102f-4bd1-898e-370781d0074d.</source>
            <translation>Must be a UUID like 67e34d63-102f-4bd1-898e-370781d0074d.</translation>
        </message>
        <message>
            <source>The terminal ID is required for real payments.</source>
            <translation>The terminal ID is required for real payments.</translation>
        </message>
        <message>
            <source>The client ID is required for real payments.</source>
            <translation>The client ID is required for real payments.</translation>
        </message>
        <message>
            <source>Use only Latin letters, digits and . _ @ -</source>
            <translation>Use only Latin letters, digits and . _ @ -</translation>
        </message>
        <message>
            <source>At most 100 characters.</source>
            <translation>At most 100 characters.</translation>
        </message>
        <message>
            <source>At most 125 characters.</source>
            <translation>At most 125 characters.</translation>
        </message>
        <message>
            <source>At most 200 characters.</source>
            <translation>At most 200 characters.</translation>
        </message>
        <message>
            <source>At most 125 bytes (about 62 Cyrillic letters).</source>
            <translation>At most 125 bytes (about 62 Cyrillic letters).</translation>
        </message>
        <message>
            <source>Must be an amount above zero with at most two decimals.</source>
            <translation>Must be an amount above zero with at most two decimals.</translation>
        </message>
        <message>
            <source>Must be zero (off) or a positive amount.</source>
            <translation>Must be zero (off) or a positive amount.</translation>
        </message>
        <message>
            <source>Between 1 and 1440 minutes.</source>
            <translation>Between 1 and 1440 minutes.</translation>
        </message>
        <message>
            <source>Must be true or false.</source>
            <translation>Must be true or false.</translation>
        </message>
        <message>
            <source>Required.</source>
            <translation>Required.</translation>
        </message>
        <message>
            <source>Not a valid web address.</source>
            <translation>Not a valid web address.</translation>
        </message>
        <message>
            <source>A web address here must not contain a user name or password.</source>
            <translation>A web address here must not contain a user name or password.</translation>
        </message>
        <message>
            <source>Use https:// (http:// only for 127.0.0.1 or localhost in training and test).</source>
            <translation>Use https:// (http:// only for 127.0.0.1 or localhost in training and test).</translation>
        </message>
        <message>
            <source>Use an https:// address.</source>
            <translation>Use an https:// address.</translation>
        </message>
        <message>
            <source>The settings file could not be read; defaults are in use.</source>
            <translation>The settings file could not be read; defaults are in use.</translation>
        </message>
        <message>
            <source>The settings file was damaged; defaults are in use.</source>
            <translation>The settings file was damaged; defaults are in use.</translation>
        </message>
        <message>
            <source>The invoice prefix is up to 9 digits.</source>
            <translation>The invoice prefix is up to 9 digits.</translation>
        </message>
        <message>
            <source>No keyring backend is installed or available.</source>
            <translation>No keyring backend is installed or available.</translation>
        </message>
        <message>
            <source>The keyring is switched off (null backend).</source>
            <translation>The keyring is switched off (null backend).</translation>
        </message>
        <message>
            <source>The only keyring stores secrets in a plain file, which is not allowed.</source>
            <translation>The only keyring stores secrets in a plain file, which is not allowed.</translation>
        </message>
        <message>
            <source>No keyring backend is available.</source>
            <translation>No keyring backend is available.</translation>
        </message>
        <message>
            <source>The keyring could not be loaded.</source>
            <translation>The keyring could not be loaded.</translation>
        </message>
        <message>
            <source>The client secret is not in the system keyring. Run the settings or `pos-app configure` to store it.</source>
            <translation>The client secret is not in the system keyring. Run the settings or `pos-app configure` to store it.</translation>
        </message>
        <message>
            <source>This till has no ePay credentials. Open the settings to enter them.</source>
            <translation>This till has no ePay credentials. Open the settings to enter them.</translation>
        </message>
        <message>
            <source>POS_APP_EPAY_OAUTH_URL, POS_APP_EPAY_API_URL and POS_APP_EPAY_WIDGET_URL work only with the test environments. Remove them to use production.</source>
            <translation>POS_APP_EPAY_OAUTH_URL, POS_APP_EPAY_API_URL and POS_APP_EPAY_WIDGET_URL work only with the test environments. Remove them to use production.</translation>
        </message>
        <message>
            <source>The secret must not start or end with a space.</source>
            <translation>The secret must not start or end with a space.</translation>
        </message>
        <message>
            <source>This does not look like an ePay client secret.</source>
            <translation>This does not look like an ePay client secret.</translation>
        </message>
        <message>
            <source>Enter the client ID that this secret belongs to.</source>
            <translation>Enter the client ID that this secret belongs to.</translation>
        </message>
        <message>
            <source>Enter the client secret issued by the bank.</source>
            <translation>Enter the client secret issued by the bank.</translation>
        </message>
    </context>
</TS>
