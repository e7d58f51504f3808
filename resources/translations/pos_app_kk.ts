<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="kk" sourcelanguage="en">
<context>
    <name>ActivityPanel</name>
    <message>
        <source>Type the amount and press Enter to pay by card, or F2 for a QR code.</source>
        <translation>Соманы енгізіп, картамен төлеу үшін Enter, QR-код үшін F2 басыңыз.</translation>
    </message>
</context>
<context>
    <name>CheckoutController</name>
    <message>
        <source>Connecting to the bank…</source>
        <translation>Банкке қосылудамыз…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Бас тартудамыз…</translation>
    </message>
    <message>
        <source>Opening the card form…</source>
        <translation>Картамен төлеу формасы ашылуда…</translation>
    </message>
    <message>
        <source>Checking with the bank…</source>
        <translation>Банкте тексерудеміз…</translation>
    </message>
    <message>
        <source>This usually takes a few seconds.</source>
        <translation>Әдетте бұл бірнеше секунд алады.</translation>
    </message>
    <message>
        <source>The result will be re-checked.</source>
        <translation>Нәтиже қайта тексеріледі.</translation>
    </message>
</context>
<context>
    <name>CredentialsPage</name>
    <message>
        <source>ePay credentials</source>
        <translation>ePay тіркелгі деректері</translation>
    </message>
    <message>
        <source>From the bank&apos;s merchant letter. The secret goes to the system keyring only.</source>
        <translation>Банктің сатушыға жолдаған хатынан. Құпия кілт тек жүйелік кілттер қоймасында сақталады.</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Қосылымды тексеру</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>Клиент ID</translation>
    </message>
    <message>
        <source>Terminal ID</source>
        <translation>Терминал ID</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>Клиент құпиясы</translation>
    </message>
    <message>
        <source>No secure keyring is available on this computer, so the secret cannot be stored. Choose training, or install and unlock the system keyring.</source>
        <translation>Бұл компьютерде қорғалған кілттер қоймасы жоқ, сондықтан құпияны сақтау мүмкін емес. Оқу режимін таңдаңыз немесе жүйелік кілттер қоймасын орнатып, құлпын ашыңыз.</translation>
    </message>
    <message>
        <source>empty: the bank&apos;s public test shop</source>
        <translation>бос: банктің ашық тестілік дүкені</translation>
    </message>
    <message>
        <source>Asking the bank for a token…</source>
        <translation>Банктен токен сұраудамыз…</translation>
    </message>
</context>
<context>
    <name>CustomerDisplay</name>
    <message>
        <source>Welcome</source>
        <translation>Қош келдіңіз</translation>
    </message>
    <message>
        <source>Scan the code with your phone camera to pay</source>
        <translation>Төлеу үшін телефон камерасын кодқа бағыттаңыз</translation>
    </message>
    <message>
        <source>Waiting for payment…</source>
        <translation>Төлемді күтудеміз…</translation>
    </message>
    <message>
        <source>Payment in progress…</source>
        <translation>Төлем жүріп жатыр…</translation>
    </message>
    <message>
        <source>Checking with the bank…</source>
        <translation>Банкте тексерудеміз…</translation>
    </message>
    <message>
        <source>The code is valid for %1</source>
        <translation>Код тағы %1 жарамды</translation>
    </message>
    <message>
        <source>Preparing the payment…</source>
        <translation>Төлемді дайындаудамыз…</translation>
    </message>
    <message>
        <source>Paid. Thank you!</source>
        <translation>Төленді. Рақмет!</translation>
    </message>
    <message>
        <source>The payment was declined</source>
        <translation>Төлем қабылданбады</translation>
    </message>
    <message>
        <source>The payment was cancelled</source>
        <translation>Төлемнен бас тартылды</translation>
    </message>
    <message>
        <source>The code has expired</source>
        <translation>Кодтың мерзімі өтті</translation>
    </message>
    <message>
        <source>Please wait: the bank is confirming the payment</source>
        <translation>Күте тұрыңыз: банк төлемді растауда</translation>
    </message>
    <message>
        <source>The payment could not be started</source>
        <translation>Төлемді бастау мүмкін болмады</translation>
    </message>
    <message>
        <source>TRAINING: this is not a real payment</source>
        <translation>ОҚУ: бұл нақты төлем емес</translation>
    </message>
    <message>
        <source>TEST: this is not a real payment</source>
        <translation>ТЕСТ: бұл нақты төлем емес</translation>
    </message>
    <message>
        <source>Customer display</source>
        <translation>Сатып алушы экраны</translation>
    </message>
    <message>
        <source>Your fiscal receipt: scan to check it</source>
        <translation>Сіздің фискалдық чегіңіз: тексеру үшін сканерлеңіз</translation>
    </message>
</context>
<context>
    <name>DetailPanel</name>
    <message>
        <source>Invoice</source>
        <translation>Шот</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сома</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Күйі</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Қайтарылған сома</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Карта</translation>
    </message>
    <message>
        <source>RRN</source>
        <translation>RRN</translation>
    </message>
    <message>
        <source>Approval code</source>
        <translation>Авторизация коды</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Тәсіл</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Қашан</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Өзгеріс</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ескертпе</translation>
    </message>
    <message>
        <source>Receipt…</source>
        <translation>Чек…</translation>
    </message>
    <message>
        <source>Refund…</source>
        <translation>Қайтару…</translation>
    </message>
    <message>
        <source>Cancel the hold…</source>
        <translation>Бұғаттауды алу…</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Не болды</translation>
    </message>
    <message>
        <source>QR</source>
        <translation>QR</translation>
    </message>
    <message>
        <source>⚠ Check with the bank: %1</source>
        <translation>⚠ Банкпен салыстырыңыз: %1</translation>
    </message>
</context>
<context>
    <name>DocumentDialog</name>
    <message>
        <source>Print…</source>
        <translation>Басып шығару…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>PDF ретінде сақтау…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Жабу</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>Принтерге жіберілді.</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>PDF ретінде сақтау</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF құжаттары (*.pdf)</translation>
    </message>
    <message>
        <source>The PDF could not be saved: %1</source>
        <translation>PDF сақталмады: %1</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Сақталды: %1</translation>
    </message>
</context>
<context>
    <name>EntryPanel</name>
    <message>
        <source>Amount to pay</source>
        <translation>Төленетін сома</translation>
    </message>
    <message>
        <source>Amount, tenge</source>
        <translation>Сома, теңге</translation>
    </message>
    <message>
        <source>Amount in tenge</source>
        <translation>Сома теңгемен</translation>
    </message>
    <message>
        <source>Optional, up to 125 bytes</source>
        <translation>Міндетті емес, 125 байтқа дейін</translation>
    </message>
    <message>
        <source>Payment description</source>
        <translation>Төлем сипаттамасы</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Міндетті емес</translation>
    </message>
    <message>
        <source>Customer account id</source>
        <translation>Сатып алушының шот ID-і</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Сипаттама</translation>
    </message>
    <message>
        <source>Customer id</source>
        <translation>Сатып алушы ID</translation>
    </message>
    <message>
        <source>Input problem</source>
        <translation>Енгізу қатесі</translation>
    </message>
    <message>
        <source>Pay by card  [Enter]</source>
        <translation>Картамен төлеу  [Enter]</translation>
    </message>
    <message>
        <source>Pay by card</source>
        <translation>Картамен төлеу</translation>
    </message>
    <message>
        <source>Pay by card (Enter)</source>
        <translation>Картамен төлеу (Enter)</translation>
    </message>
    <message>
        <source>QR  [F2]</source>
        <translation>QR  [F2]</translation>
    </message>
    <message>
        <source>Pay by QR code on the customer&apos;s phone</source>
        <translation>Сатып алушының телефонынан QR-кодпен төлеу</translation>
    </message>
    <message>
        <source>Pay by QR code on the customer&apos;s phone (F2)</source>
        <translation>Сатып алушының телефонынан QR-кодпен төлеу (F2)</translation>
    </message>
</context>
<context>
    <name>Environment</name>
    <message>
        <source>TRAINING</source>
        <translation>ОҚУ</translation>
    </message>
    <message>
        <source>TEST</source>
        <translation>ТЕСТ</translation>
    </message>
</context>
<context>
    <name>EnvironmentPage</name>
    <message>
        <source>Where will this till take payments?</source>
        <translation>Бұл касса төлемдерді қайда қабылдайды?</translation>
    </message>
    <message>
        <source>You can change this later in the settings.</source>
        <translation>Мұны кейін баптауларда өзгертуге болады.</translation>
    </message>
    <message>
        <source>Training: practise with the built-in emulator, no real money</source>
        <translation>Оқу: кірістірілген эмулятормен жаттығу, нақты ақшасыз</translation>
    </message>
    <message>
        <source>ePay test: the bank&apos;s test environment</source>
        <translation>ePay тест: банктің тестілік ортасы</translation>
    </message>
    <message>
        <source>ePay production: real card payments</source>
        <translation>ePay жұмыс ортасы: нақты карта төлемдері</translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <source>Connected: the bank accepted these credentials.</source>
        <translation>Қосылды: банк бұл деректерді қабылдады.</translation>
    </message>
    <message>
        <source>The bank refused these credentials. Check the client ID, the secret and the terminal ID.</source>
        <translation>Банк бұл деректерді қабылдамады. Клиент ID, құпияны және терминал ID-ін тексеріңіз.</translation>
    </message>
    <message>
        <source>The bank refused the request. Check the terminal ID.</source>
        <translation>Банк сұрауды қабылдамады. Терминал ID-ін тексеріңіз.</translation>
    </message>
    <message>
        <source>The bank did not answer in time. Check the network and try again.</source>
        <translation>Банк уақытында жауап бермеді. Желіні тексеріп, қайталап көріңіз.</translation>
    </message>
    <message>
        <source>The bank cannot be reached. Check the network connection, proxy and firewall.</source>
        <translation>Банкке қосылу мүмкін емес. Желі қосылымын, проксиді және брандмауэрді тексеріңіз.</translation>
    </message>
    <message>
        <source>The bank sent an answer the till cannot read. Try again later.</source>
        <translation>Банк касса оқи алмайтын жауап жіберді. Кейінірек қайталаңыз.</translation>
    </message>
    <message>
        <source>Some details are missing or malformed.</source>
        <translation>Кейбір деректер жоқ немесе қате көрсетілген.</translation>
    </message>
    <message>
        <source>The connection test failed unexpectedly.</source>
        <translation>Қосылымды тексеру күтпеген қатемен аяқталды.</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Set up the till</source>
        <translation>Кассаны баптау</translation>
    </message>
</context>
<context>
    <name>Fiscal</name>
    <message>
        <source>No fiscal receipts</source>
        <translation>Фискалдық чектерсіз</translation>
    </message>
    <message>
        <source>Same as the till</source>
        <translation>Кассадағыдай</translation>
    </message>
    <message>
        <source>Webkassa test</source>
        <translation>Webkassa, сынақ сервері</translation>
    </message>
    <message>
        <source>Webkassa production</source>
        <translation>Webkassa, жұмыс сервері</translation>
    </message>
    <message>
        <source>Kept in the keyring; leave empty to keep it</source>
        <translation>Кілттер қоймасында сақталады; өзгертпеу үшін бос қалдырыңыз</translation>
    </message>
    <message>
        <source>Cloud cash register</source>
        <translation>Бұлттық БКМ</translation>
    </message>
    <message>
        <source>Register environment</source>
        <translation>БКМ сервері</translation>
    </message>
    <message>
        <source>Cashbox unique number (ZNM)</source>
        <translation>Кассаның зауыттық нөмірі (ЗНМ)</translation>
    </message>
    <message>
        <source>Register login</source>
        <translation>БКМ логині</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API кілті</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Құпиясөз</translation>
    </message>
    <message>
        <source>VAT rate, % (-1 = no VAT)</source>
        <translation>ҚҚС мөлшерлемесі, % (-1 = ҚҚС-сыз)</translation>
    </message>
    <message>
        <source>Item name on the receipt</source>
        <translation>Чектегі тауар атауы</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Бөлім</translation>
    </message>
    <message>
        <source>Receipt width, mm (58 or 80)</source>
        <translation>Чек ені, мм (58 немесе 80)</translation>
    </message>
    <message>
        <source>Receipt printer (tcp://host:9100, usb://…)</source>
        <translation>Чек принтері (tcp://хост:9100, usb://…)</translation>
    </message>
    <message>
        <source>Fiscal receipts</source>
        <translation>Фискалдық чектер</translation>
    </message>
    <message>
        <source>Type a whole number.</source>
        <translation>Бүтін сан енгізіңіз.</translation>
    </message>
    <message>
        <source>Register secrets are kept for Webkassa test or production only.</source>
        <translation>БКМ кілттері тек Webkassa сынақ немесе жұмыс серверіне сақталады.</translation>
    </message>
    <message>
        <source>Type the login, the API key and the password together.</source>
        <translation>Логинді, API кілтін және құпиясөзді бірге енгізіңіз.</translation>
    </message>
    <message>
        <source>This payment has no registered fiscal receipt yet, and a return receipt must refer to it. Wait until it is registered, then refund.</source>
        <translation>Бұл төлемнің тіркелген фискалдық чегі әлі жоқ, ал қайтару чегі соған сілтеме жасауы керек. Тіркелгенін күтіп, содан кейін қайтарыңыз.</translation>
    </message>
    <message>
        <source>The cash register refused to close its shift (login or set-up), so the shift stays open. Nothing is lost. Call the administrator to check the fiscal settings (pos-app doctor), then close the shift again.</source>
        <translation>Касса ауысымды жабудан бас тартты (кіру немесе баптау), сондықтан ауысым ашық қалады. Ештеңе жоғалған жоқ. Фискалдық баптауларды тексеру үшін әкімшіні шақырыңыз (pos-app doctor), содан кейін ауысымды қайта жабыңыз.</translation>
    </message>
    <message>
        <source>The cash register cannot be reached, so the shift stays open (the till&apos;s and the register&apos;s). Nothing is lost: you can go on selling, the receipts wait and go out when it answers. Check the internet connection, then close the shift again.</source>
        <translation>Кассаға қосылу мүмкін емес, сондықтан ауысым ашық қалады (кассада да, бағдарламада да). Ештеңе жоғалған жоқ: сатуды жалғастыра беруге болады, чектер кезекте күтеді және касса жауап бергенде жіберіледі. Интернет қосылымын тексеріп, ауысымды қайта жабыңыз.</translation>
    </message>
    <message>
        <source>The cash register has not confirmed some receipts yet, so the shift stays open. Nothing is lost: they are checked again. Check the internet connection, then close the shift again in a minute.</source>
        <translation>Касса кейбір чектерді әлі растаған жоқ, сондықтан ауысым ашық қалады. Ештеңе жоғалған жоқ: олар қайта тексеріледі. Интернет қосылымын тексеріп, бір минуттан кейін ауысымды қайта жабыңыз.</translation>
    </message>
    <message>
        <source>The cash register is blocked, so the shift stays open. Nothing is lost: the receipts wait. Call the register&apos;s support (Webkassa) to unblock it, then close the shift again.</source>
        <translation>Касса бұғатталған, сондықтан ауысым ашық қалады. Ештеңе жоғалған жоқ: чектер кезекте күтеді. Бұғаттан шығару үшін касса қолдау қызметіне (Webkassa) хабарласыңыз, содан кейін ауысымды қайта жабыңыз.</translation>
    </message>
    <message>
        <source>The register&apos;s shift reaches its 24-hour limit within an hour: close the shift (Z report) soon.</source>
        <translation>БКМ ауысымы бір сағаттан аз уақытта 24 сағат шегіне жетеді: ауысымды жақында жабыңыз (Z-есеп).</translation>
    </message>
    <message>
        <source>The cash register is blocked. Receipts wait in the queue; call support.</source>
        <translation>Касса бұғатталған. Чектер кезекте күтеді; қолдау қызметіне хабарласыңыз.</translation>
    </message>
    <message>
        <source>The register&apos;s shift is over 24 hours: close the shift (Z report). Receipts wait in the queue.</source>
        <translation>БКМ ауысымы 24 сағаттан асты: ауысымды жабыңыз (Z-есеп). Чектер кезекте күтеді.</translation>
    </message>
    <message>
        <source>The register has had no link to the OFD for over 72 hours. Receipts wait in the queue; call support.</source>
        <translation>БКМ 72 сағаттан астам ФДО-мен байланыссыз. Чектер кезекте күтеді; қолдау қызметіне хабарласыңыз.</translation>
    </message>
    <message>
        <source>The cash register refused a receipt (error %1). Call support.</source>
        <translation>БКМ чекті қабылдамады (қате %1). Қолдау қызметіне хабарласыңыз.</translation>
    </message>
    <message>
        <source>The cash register cannot be reached. Receipts wait in the queue and go out automatically; do not ring the sale up again.</source>
        <translation>БКМ қолжетімсіз. Чектер кезекте күтеді және өздігінен жіберіледі; сатуды қайта өткізбеңіз.</translation>
    </message>
    <message>
        <source>Fiscal receipt being registered…</source>
        <translation>Фискалдық чек тіркелуде…</translation>
    </message>
    <message>
        <source>Fiscal receipt queued</source>
        <translation>Фискалдық чек кезекте</translation>
    </message>
    <message>
        <source>Fiscal receipt %1</source>
        <translation>Фискалдық чек %1</translation>
    </message>
    <message>
        <source>(autonomous mode)</source>
        <translation>(дербес режим)</translation>
    </message>
    <message>
        <source>Shift %1, receipt %2</source>
        <translation>Ауысым %1, чек %2</translation>
    </message>
    <message>
        <source>Register %1</source>
        <translation>ТНМ %1</translation>
    </message>
    <message>
        <source>Receipt printed.</source>
        <translation>Чек басып шығарылды.</translation>
    </message>
    <message>
        <source>Return receipt being registered…</source>
        <translation>Қайтару чегі тіркелуде…</translation>
    </message>
    <message>
        <source>No return receipt was queued: this payment has no registered fiscal receipt.</source>
        <translation>Қайтару чегі кезекке қойылмады: бұл төлемнің тіркелген фискалдық чегі жоқ.</translation>
    </message>
    <message>
        <source>Return receipt queued.</source>
        <translation>Қайтару чегі кезекте.</translation>
    </message>
    <message>
        <source>Return receipt %1 registered.</source>
        <translation>Қайтару чегі %1 тіркелді.</translation>
    </message>
    <message>
        <source>Basis: sale receipt %1 of %2, register %3.</source>
        <translation>Негіздеме: %2 күнгі %1 сату чегі, БКМ %3.</translation>
    </message>
    <message>
        <source>Fiscal receipt again</source>
        <translation>Фискалдық чекті қайта</translation>
    </message>
    <message>
        <source>This payment has no registered fiscal receipt.</source>
        <translation>Бұл төлемнің тіркелген фискалдық чегі жоқ.</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>Басып шығарылуда…</translation>
    </message>
</context>
<context>
    <name>FiscalController</name>
    <message>
        <source>Fiscal receipts cannot be registered right now.</source>
        <translation>Фискалдық чектер қазір тіркелмейді.</translation>
    </message>
</context>
<context>
    <name>FormPanel</name>
    <message>
        <source>The bank&apos;s card form</source>
        <translation>Банктің карта енгізу формасы</translation>
    </message>
    <message>
        <source>The customer enters the card details in the bank&apos;s form.</source>
        <translation>Сатып алушы карта деректерін банк формасына енгізеді.</translation>
    </message>
    <message>
        <source>Cancel payment  [Esc]</source>
        <translation>Төлемнен бас тарту  [Esc]</translation>
    </message>
    <message>
        <source>Cancel the payment</source>
        <translation>Төлемнен бас тарту</translation>
    </message>
    <message>
        <source>Cancel the payment (Esc)</source>
        <translation>Төлемнен бас тарту (Esc)</translation>
    </message>
</context>
<context>
    <name>HistoryLauncher</name>
    <message>
        <source>History  [F3]</source>
        <translation>Тарих  [F3]</translation>
    </message>
    <message>
        <source>Payments, receipts, refunds and shift reports (F3)</source>
        <translation>Төлемдер, чектер, қайтарулар және ауысым есептері (F3)</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>Time</source>
        <translation>Уақыты</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>Шот</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сома</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Тәсіл</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Күйі</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Карта</translation>
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
        <translation>⚠ банкпен салыстыру керек</translation>
    </message>
</context>
<context>
    <name>HistoryWindow</name>
    <message>
        <source>Payment history</source>
        <translation>Төлемдер тарихы</translation>
    </message>
    <message>
        <source>Invoice, amount, RRN or card (*1234)</source>
        <translation>Шот, сома, RRN немесе карта (*1234)</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Күндер</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Барлық күйлер</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Мақұлданды</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Қайтарылды</translation>
    </message>
    <message>
        <source>Cancelled or expired</source>
        <translation>Бас тартылған немесе мерзімі өткен</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Қабылданбады</translation>
    </message>
    <message>
        <source>Not confirmed yet</source>
        <translation>Әлі расталмаған</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Басталмады</translation>
    </message>
    <message>
        <source>Card and QR</source>
        <translation>Карта және QR</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Карта</translation>
    </message>
    <message>
        <source>QR</source>
        <translation>QR</translation>
    </message>
    <message>
        <source>Shift and reports…</source>
        <translation>Ауысым және есептер…</translation>
    </message>
    <message numerus="yes">
        <source>%n payment(s)</source>
        <translation>
            <numerusform>%n төлем</numerusform>
            <numerusform>%n төлем</numerusform>
        </translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Чек</translation>
    </message>
    <message>
        <source>Asking the bank…</source>
        <translation>Банктен сұраудамыз…</translation>
    </message>
    <message>
        <source>Done: the bank confirmed %1.</source>
        <translation>Дайын: банк %1 растады.</translation>
    </message>
    <message>
        <source>Recorded: the administrator&apos;s decision.</source>
        <translation>Жазылды: әкімшінің шешімі.</translation>
    </message>
</context>
<context>
    <name>HqSync</name>
    <message>
        <source>Head office</source>
        <translation>Бас кеңсе</translation>
    </message>
    <message>
        <source>⚠ Head office: sending stopped (see pos-app doctor)</source>
        <translation>⚠ Бас кеңсе: жіберу тоқтатылды (pos-app doctor қараңыз)</translation>
    </message>
    <message>
        <source>⚠ Head office: %1 h behind</source>
        <translation>⚠ Бас кеңсе: %1 сағ артта</translation>
    </message>
    <message>
        <source>Payments are safe in this till. They reach the head office when it can be reached again.</source>
        <translation>Төлемдер осы кассада сақталған. Байланыс қалпына келгенде бас кеңсеге жетеді.</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <source>Delete last digit</source>
        <translation>Соңғы цифрды өшіру</translation>
    </message>
    <message>
        <source>Delete last digit (Backspace)</source>
        <translation>Соңғы цифрды өшіру (Backspace)</translation>
    </message>
    <message>
        <source>Decimal comma</source>
        <translation>Ондық үтір</translation>
    </message>
    <message>
        <source>Keypad</source>
        <translation>Сандық пернетақта</translation>
    </message>
</context>
<context>
    <name>Kiosk</name>
    <message>
        <source>Leave kiosk mode  [Ctrl+Shift+Q]</source>
        <translation>Киоск режимінен шығу  [Ctrl+Shift+Q]</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Settings saved. The language applies now; other changes after a restart.</source>
        <translation>Баптаулар сақталды. Тіл бірден қолданылды, қалған өзгерістер қайта іске қосқаннан кейін.</translation>
    </message>
    <message>
        <source>ePay till</source>
        <translation>ePay кассасы</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Орта</translation>
    </message>
    <message>
        <source>Settings…  [Ctrl+,]</source>
        <translation>Баптаулар…  [Ctrl+,]</translation>
    </message>
    <message>
        <source>Settings (Ctrl+,), needs the administrator PIN</source>
        <translation>Баптаулар (Ctrl+,), әкімші PIN-коды қажет</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Баптаулар</translation>
    </message>
    <message>
        <source>TRAINING — no real money</source>
        <translation>ОҚУ — нақты ақшасыз</translation>
    </message>
    <message>
        <source>ePay TEST</source>
        <translation>ePay ТЕСТ</translation>
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
        <translation>Алдымен соманы енгізіңіз.</translation>
    </message>
    <message>
        <source>The amount cannot be negative.</source>
        <translation>Сома теріс бола алмайды.</translation>
    </message>
    <message>
        <source>Use only digits and one comma.</source>
        <translation>Тек цифрлар мен бір үтірді қолданыңыз.</translation>
    </message>
    <message>
        <source>At most two digits after the comma.</source>
        <translation>Үтірден кейін екі цифрдан аспауы керек.</translation>
    </message>
    <message>
        <source>This is not an amount.</source>
        <translation>Бұл сома емес.</translation>
    </message>
    <message>
        <source>The amount must be more than zero.</source>
        <translation>Сома нөлден көп болуы керек.</translation>
    </message>
    <message>
        <source>The amount is above this till&apos;s limit.</source>
        <translation>Сома осы кассаның лимитінен асады.</translation>
    </message>
    <message>
        <source>The description is too long (at most 125 bytes).</source>
        <translation>Сипаттама тым ұзын (125 байттан аспауы керек).</translation>
    </message>
    <message>
        <source>The description has characters that cannot be sent.</source>
        <translation>Сипаттамада жіберуге болмайтын таңбалар бар.</translation>
    </message>
    <message>
        <source>The customer id may have Latin letters and digits only.</source>
        <translation>Сатып алушы ID-інде тек латын әріптері мен цифрлар болуы мүмкін.</translation>
    </message>
    <message>
        <source>The bank refused this till&apos;s credentials. Call the administrator.</source>
        <translation>Банк осы кассаның деректерін қабылдамады. Әкімшіні шақырыңыз.</translation>
    </message>
    <message>
        <source>The bank refused the request.</source>
        <translation>Банк сұрауды қабылдамады.</translation>
    </message>
    <message>
        <source>The bank did not answer in time. Please try again.</source>
        <translation>Банк уақытында жауап бермеді. Қайталап көріңіз.</translation>
    </message>
    <message>
        <source>No connection to the bank. Check the network and try again.</source>
        <translation>Банкпен байланыс жоқ. Желіні тексеріп, қайталап көріңіз.</translation>
    </message>
    <message>
        <source>The bank sent an answer the till cannot read. Please try again.</source>
        <translation>Банк касса оқи алмайтын жауап жіберді. Қайталап көріңіз.</translation>
    </message>
    <message>
        <source>The request is not valid.</source>
        <translation>Сұрау жарамсыз.</translation>
    </message>
    <message>
        <source>The bank&apos;s card form could not be opened. Please try again.</source>
        <translation>Банктің карта формасы ашылмады. Қайталап көріңіз.</translation>
    </message>
    <message>
        <source>The payment journal cannot be written. Payments are stopped; call the administrator.</source>
        <translation>Төлем журналына жазу мүмкін емес. Төлемдер тоқтатылды — әкімшіні шақырыңыз.</translation>
    </message>
    <message>
        <source>A payment is already in progress.</source>
        <translation>Төлем қазір жүріп жатыр.</translation>
    </message>
    <message>
        <source>The bank did not confirm the result. Do not repeat it: the till checks with the bank first.</source>
        <translation>Банк нәтижені растамады. Төлемді қайталамаңыз: касса алдымен банкте тексереді.</translation>
    </message>
    <message>
        <source>The bank&apos;s service is not working right now. Please try again later.</source>
        <translation>Банк қызметі қазір жұмыс істемейді. Кейінірек қайталаңыз.</translation>
    </message>
    <message>
        <source>The bank sent an answer the till cannot read. Call the administrator.</source>
        <translation>Банк касса оқи алмайтын жауап жіберді. Әкімшіні шақырыңыз.</translation>
    </message>
    <message>
        <source>The bank&apos;s address in the settings is not valid. Call the administrator.</source>
        <translation>Баптаулардағы банк мекенжайы қате. Әкімшіні шақырыңыз.</translation>
    </message>
    <message>
        <source>The bank refused to start this payment. Check the amount and try again.</source>
        <translation>Банк бұл төлемді бастаудан бас тартты. Соманы тексеріп, қайталап көріңіз.</translation>
    </message>
    <message>
        <source>The bank does not know this payment.</source>
        <translation>Банк бұл төлемді білмейді.</translation>
    </message>
    <message>
        <source>The invoice number is not valid for the bank.</source>
        <translation>Шот нөмірін банк қабылдамады.</translation>
    </message>
    <message>
        <source>The payment id is not valid for the bank.</source>
        <translation>Төлем ID-ін банк қабылдамады.</translation>
    </message>
    <message>
        <source>The refund id is not valid for the bank.</source>
        <translation>Қайтару ID-ін банк қабылдамады.</translation>
    </message>
    <message>
        <source>A refund must be at least 10 tenge.</source>
        <translation>Қайтару кемінде 10 теңге болуы керек.</translation>
    </message>
    <message>
        <source>Payment links need the shop id in the settings. Call the administrator.</source>
        <translation>Төлем сілтемелері үшін баптауларда дүкен ID-і қажет. Әкімшіні шақырыңыз.</translation>
    </message>
    <message>
        <source>The amount is too large.</source>
        <translation>Сома тым үлкен.</translation>
    </message>
    <message>
        <source>The amount is below the bank&apos;s minimum.</source>
        <translation>Сома банктің ең аз мөлшерінен кем.</translation>
    </message>
    <message>
        <source>A phone number is +7 and 10 digits.</source>
        <translation>Телефон нөмірі: +7 және 10 цифр.</translation>
    </message>
    <message>
        <source>The link lifetime is a number of days, like 1d.</source>
        <translation>Сілтеменің мерзімі күнмен көрсетіледі, мысалы 1d.</translation>
    </message>
    <message>
        <source>The language must be Russian, Kazakh or English.</source>
        <translation>Тіл: орыс, қазақ немесе ағылшын.</translation>
    </message>
    <message>
        <source>Something went wrong. Please try again.</source>
        <translation>Бірдеңе дұрыс болмады. Қайталап көріңіз.</translation>
    </message>
    <message>
        <source>Not enough money on the card.</source>
        <translation>Картада қаражат жеткіліксіз.</translation>
    </message>
    <message>
        <source>The card was refused: try another card.</source>
        <translation>Карта қабылданбады: басқа картаны қолданып көріңіз.</translation>
    </message>
    <message>
        <source>Refused by the card&apos;s bank: the customer should call it.</source>
        <translation>Картаны шығарған банк бас тартты: сатып алушы өз банкіне хабарласуы керек.</translation>
    </message>
    <message>
        <source>The bank&apos;s systems are busy: try again in a few minutes.</source>
        <translation>Банк жүйелері бос емес: бірнеше минуттан кейін қайталаңыз.</translation>
    </message>
    <message>
        <source>A limit was reached: try a smaller amount or another card.</source>
        <translation>Лимит асып кетті: азырақ соманы немесе басқа картаны қолданып көріңіз.</translation>
    </message>
    <message>
        <source>The payment was refused.</source>
        <translation>Төлем қабылданбады.</translation>
    </message>
    <message>
        <source>%1 (code %2)</source>
        <translation>%1 (код %2)</translation>
    </message>
</context>
<context>
    <name>NewPinDialog</name>
    <message>
        <source>Choose an administrator PIN</source>
        <translation>Әкімші PIN-кодын орнатыңыз</translation>
    </message>
    <message>
        <source>No administrator PIN is set yet. Choose one now; it protects the settings and refunds.</source>
        <translation>Әкімші PIN-коды әлі орнатылмаған. Оны қазір орнатыңыз: ол баптаулар мен қайтаруларды қорғайды.</translation>
    </message>
</context>
<context>
    <name>OfflineBanner</name>
    <message>
        <source>No connection to the bank: new payments are paused. History and reports still work. The till keeps checking and continues by itself.</source>
        <translation>Банкпен байланыс жоқ: жаңа төлемдер тоқтатылды. Тарих пен есептер жұмыс істейді. Касса байланысты тексеруді жалғастырады және жұмысты өзі қайта бастайды.</translation>
    </message>
    <message>
        <source>Offline: no connection to ePay</source>
        <translation>Офлайн: ePay-мен байланыс жоқ</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Тексерудеміз…</translation>
    </message>
    <message>
        <source>Check now  [F5]</source>
        <translation>Тексеру  [F5]</translation>
    </message>
    <message>
        <source>Check the connection to the bank now</source>
        <translation>Банкпен байланысты қазір тексеру</translation>
    </message>
    <message>
        <source>No connection to the bank</source>
        <translation>Банкпен байланыс жоқ</translation>
    </message>
</context>
<context>
    <name>PinFields</name>
    <message>
        <source>New PIN (6–12 digits)</source>
        <translation>Жаңа PIN (6–12 сан)</translation>
    </message>
    <message>
        <source>Repeat the PIN</source>
        <translation>PIN-ды қайталаңыз</translation>
    </message>
    <message>
        <source>The two PINs differ.</source>
        <translation>PIN-кодтар сәйкес емес.</translation>
    </message>
</context>
<context>
    <name>PinPage</name>
    <message>
        <source>Administrator PIN</source>
        <translation>Әкімші PIN-коды</translation>
    </message>
    <message>
        <source>Needed to open the settings, make refunds and leave kiosk mode. Cashiers should not know it.</source>
        <translation>Баптауларды ашу, қайтару жасау және киоск режимінен шығу үшін қажет. Кассирлер оны білмеуі керек.</translation>
    </message>
</context>
<context>
    <name>PinPrompt</name>
    <message>
        <source>Administrator PIN</source>
        <translation>Әкімші PIN-коды</translation>
    </message>
    <message>
        <source>This action needs the administrator PIN.</source>
        <translation>Бұл әрекет үшін әкімші PIN-коды қажет.</translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong PINs. Try again in %n second(s).</source>
        <translation>
            <numerusform>Қате PIN тым көп енгізілді. %n секундтан кейін қайталаңыз.</numerusform>
            <numerusform>Қате PIN тым көп енгізілді. %n секундтан кейін қайталаңыз.</numerusform>
        </translation>
    </message>
    <message>
        <source>You can try again now.</source>
        <translation>Енді қайталауға болады.</translation>
    </message>
    <message>
        <source>Your PIN is shorter than 6 digits. Choose a new one now; the action goes ahead once it is set.</source>
        <translation>PIN 6 саннан қысқа. Қазір жаңасын орнатыңыз; ол сақталғаннан кейін әрекет жалғасады.</translation>
    </message>
    <message>
        <source>Set a new PIN of 6 to 12 digits to go on.</source>
        <translation>Жалғастыру үшін 6–12 саннан тұратын жаңа PIN орнатыңыз.</translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation>PIN қате.</translation>
    </message>
</context>
<context>
    <name>ProgressPanel</name>
    <message>
        <source>Waiting for the bank</source>
        <translation>Банктің жауабын күтудеміз</translation>
    </message>
    <message>
        <source>Cancel  [Esc]</source>
        <translation>Бас тарту  [Esc]</translation>
    </message>
    <message>
        <source>Cancel the payment</source>
        <translation>Төлемнен бас тарту</translation>
    </message>
    <message>
        <source>Cancel the payment (Esc)</source>
        <translation>Төлемнен бас тарту (Esc)</translation>
    </message>
    <message>
        <source>Stop waiting  [Esc]</source>
        <translation>Күтпеу  [Esc]</translation>
    </message>
    <message>
        <source>Stop waiting; the payment is checked again later</source>
        <translation>Күтуді тоқтату; төлем кейінірек қайта тексеріледі</translation>
    </message>
</context>
<context>
    <name>QrController</name>
    <message>
        <source>Creating the payment link…</source>
        <translation>Төлем сілтемесін жасаудамыз…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Бас тартудамыз…</translation>
    </message>
    <message>
        <source>Making a new link for the customer…</source>
        <translation>Сатып алушыға жаңа сілтеме жасаудамыз…</translation>
    </message>
    <message>
        <source>Asking the bank once more…</source>
        <translation>Банктен тағы бір рет сұраудамыз…</translation>
    </message>
    <message>
        <source>The link could not be sent: check the phone or e-mail.</source>
        <translation>Сілтеме жіберілмеді: телефонды немесе e-mail-ді тексеріңіз.</translation>
    </message>
    <message>
        <source>The bank could not confirm the result yet; it will be re-checked.</source>
        <translation>Банк нәтижені әлі растаған жоқ; ол қайта тексеріледі.</translation>
    </message>
    <message>
        <source>The result will be re-checked.</source>
        <translation>Нәтиже қайта тексеріледі.</translation>
    </message>
</context>
<context>
    <name>QrPanel</name>
    <message>
        <source>The customer scans the code with the phone camera.</source>
        <translation>Сатып алушы кодты телефон камерасымен сканерлейді.</translation>
    </message>
    <message>
        <source>Time left to pay</source>
        <translation>Төлеуге қалған уақыт</translation>
    </message>
    <message>
        <source>Payment link</source>
        <translation>Төлем сілтемесі</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Көшірілді</translation>
    </message>
    <message>
        <source>Copy  [Ctrl+Shift+C]</source>
        <translation>Көшіру  [Ctrl+Shift+C]</translation>
    </message>
    <message>
        <source>Copy the payment link</source>
        <translation>Төлем сілтемесін көшіру</translation>
    </message>
    <message>
        <source>Customer phone for an SMS with the link</source>
        <translation>Сілтемесі бар SMS үшін сатып алушының телефоны</translation>
    </message>
    <message>
        <source>name@example.kz</source>
        <translation>name@example.kz</translation>
    </message>
    <message>
        <source>Customer e-mail for the link</source>
        <translation>Сілтеме үшін сатып алушының e-mail-і</translation>
    </message>
    <message>
        <source>Send the link  [Enter]</source>
        <translation>Сілтемені жіберу  [Enter]</translation>
    </message>
    <message>
        <source>Send the link to the customer</source>
        <translation>Сілтемені сатып алушыға жіберу</translation>
    </message>
    <message>
        <source>Cancel payment  [Esc]</source>
        <translation>Төлемнен бас тарту  [Esc]</translation>
    </message>
    <message>
        <source>Cancel the payment</source>
        <translation>Төлемнен бас тарту</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Send the link to the customer:</source>
        <translation>Сілтемені сатып алушыға жіберу:</translation>
    </message>
    <message>
        <source>Sending needs invoice-link access in the settings.</source>
        <translation>Жіберу үшін баптауларда шот сілтемелеріне қолжетімділік қажет.</translation>
    </message>
    <message>
        <source>Sent to %1.</source>
        <translation>Жіберілді: %1.</translation>
    </message>
    <message>
        <source>Making a new link for the customer…</source>
        <translation>Сатып алушыға жаңа сілтеме жасаудамыз…</translation>
    </message>
    <message>
        <source>The link is too long for a QR code; copy or send it.</source>
        <translation>Сілтеме QR-код үшін тым ұзын — оны көшіріңіз немесе жіберіңіз.</translation>
    </message>
    <message>
        <source>Waiting for the customer to pay…</source>
        <translation>Сатып алушының төлемін күтудеміз…</translation>
    </message>
    <message>
        <source>The customer is paying…</source>
        <translation>Сатып алушы төлеп жатыр…</translation>
    </message>
    <message>
        <source>No answer from the bank yet; still checking.</source>
        <translation>Банк әлі жауап бермеді; тексеруді жалғастырудамыз.</translation>
    </message>
    <message>
        <source>Expires in %1</source>
        <translation>%1 кейін мерзімі бітеді</translation>
    </message>
    <message>
        <source>A phone number is +7 and 10 digits.</source>
        <translation>Телефон нөмірі: +7 және 10 цифр.</translation>
    </message>
    <message>
        <source>This is not an e-mail address.</source>
        <translation>Бұл e-mail мекенжайы емес.</translation>
    </message>
    <message>
        <source>Type a phone number or an e-mail.</source>
        <translation>Телефон нөмірін немесе e-mail енгізіңіз.</translation>
    </message>
</context>
<context>
    <name>QrWidget</name>
    <message>
        <source>Payment QR code</source>
        <translation>Төлемге арналған QR-код</translation>
    </message>
</context>
<context>
    <name>RecentStrip</name>
    <message>
        <source>Recent:</source>
        <translation>Соңғылар:</translation>
    </message>
    <message>
        <source>Recent payments</source>
        <translation>Соңғы төлемдер</translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <source>Cancel the hold</source>
        <translation>Бұғаттауды алу</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Қайтару</translation>
    </message>
    <message>
        <source>Release the held %1 of invoice %2?</source>
        <translation>%2 шоты бойынша %1 бұғаттауын алу керек пе?</translation>
    </message>
    <message>
        <source>Invoice %2: %1 can still be refunded (at least 10 ₸).</source>
        <translation>%2 шоты: тағы %1 қайтаруға болады (кемінде 10 ₸).</translation>
    </message>
    <message>
        <source>Refund amount</source>
        <translation>Қайтару сомасы</translation>
    </message>
    <message>
        <source>For example: the customer returned the goods</source>
        <translation>Мысалы: сатып алушы тауарды қайтарды</translation>
    </message>
    <message>
        <source>Amount, ₸</source>
        <translation>Сома, ₸</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Себебі</translation>
    </message>
</context>
<context>
    <name>RefundReviewDialog</name>
    <message>
        <source>Unconfirmed refund</source>
        <translation>Расталмаған қайтару</translation>
    </message>
    <message>
        <source>Refund %1 of %2 was sent, but the bank has not confirmed it. Another refund of this payment waits until you decide. Check the merchant cabinet first.</source>
        <translation>%2 сомасына %1 қайтаруы жіберілді, бірақ банк оны растаған жоқ. Осы төлем бойынша басқа қайтару сіздің шешіміңізді күтеді. Алдымен мерчант кабинетін тексеріңіз.</translation>
    </message>
    <message>
        <source>The bank says now: %1</source>
        <translation>Банктің қазіргі жауабы: %1</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Себебі</translation>
    </message>
    <message>
        <source>Why, for example: seen in the cabinet</source>
        <translation>Себебі, мысалы: кабинетте көрінеді</translation>
    </message>
    <message>
        <source>The bank refunded it</source>
        <translation>Банк ақшаны қайтарды</translation>
    </message>
    <message>
        <source>It was not refunded</source>
        <translation>Қайтару болмады</translation>
    </message>
    <message>
        <source>Send it again</source>
        <translation>Қайта жіберу</translation>
    </message>
    <message>
        <source>Decide later</source>
        <translation>Кейін шешу</translation>
    </message>
    <message>
        <source>Say why (what the cabinet or the bank showed).</source>
        <translation>Себебін жазыңыз (кабинет немесе банк не көрсетті).</translation>
    </message>
</context>
<context>
    <name>Refunds</name>
    <message>
        <source>This is not an amount. Type it like 1500 or 1500,50.</source>
        <translation>Бұл сома емес. Мысалы, 1500 немесе 1500,50 деп енгізіңіз.</translation>
    </message>
    <message>
        <source>A refund must be at least 10 ₸.</source>
        <translation>Қайтарым кемінде 10 ₸ болуы керек.</translation>
    </message>
    <message>
        <source>The refund is more than what remains on this payment.</source>
        <translation>Қайтарым осы төлемнің қалған сомасынан көп.</translation>
    </message>
    <message>
        <source>Give a reason for the refund.</source>
        <translation>Қайтарым себебін көрсетіңіз.</translation>
    </message>
    <message>
        <source>This payment cannot be refunded.</source>
        <translation>Бұл төлемді қайтаруға болмайды.</translation>
    </message>
    <message>
        <source>The bank does not hold this payment, so it cannot be cancelled.</source>
        <translation>Банк бұл төлемді ұстап тұрған жоқ, сондықтан оны болдырмауға болмайды.</translation>
    </message>
    <message>
        <source>An earlier refund of this payment is not confirmed by the bank. The administrator decides on it first.</source>
        <translation>Осы төлем бойынша алдыңғы қайтарымды банк растаған жоқ. Алдымен әкімші шешім қабылдайды.</translation>
    </message>
    <message>
        <source>There is no unconfirmed refund on this payment.</source>
        <translation>Бұл төлем бойынша расталмаған қайтарым жоқ.</translation>
    </message>
    <message>
        <source>Sent, but the bank has not confirmed it yet. Check again later.</source>
        <translation>Жіберілді, бірақ банк әлі растаған жоқ. Кейінірек тексеріңіз.</translation>
    </message>
    <message>
        <source>A shift is already open.</source>
        <translation>Ауысым әлдеқашан ашық.</translation>
    </message>
    <message>
        <source>No shift is open. Open a shift first.</source>
        <translation>Ауысым ашылмаған. Алдымен ауысымды ашыңыз.</translation>
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
        <translation>Карта</translation>
    </message>
    <message>
        <source>Z report No. %1 (shift closed)</source>
        <translation>Z-есеп № %1 (ауысым жабылды)</translation>
    </message>
    <message>
        <source>X report (shift still open)</source>
        <translation>X-есеп (ауысым әлі ашық)</translation>
    </message>
    <message>
        <source>No payments in this shift.</source>
        <translation>Бұл ауысымда төлемдер жоқ.</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Бастап</translation>
    </message>
    <message>
        <source>to</source>
        <translation>дейін</translation>
    </message>
    <message>
        <source>Non-fiscal document</source>
        <translation>Фискалдық емес құжат</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Сатылымдар</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>Қайтарымдар</translation>
    </message>
    <message>
        <source>Cancelled holds</source>
        <translation>Болдырылмаған бұғаттаулар</translation>
    </message>
    <message>
        <source>Net total</source>
        <translation>Барлығы</translation>
    </message>
    <message>
        <source>Shift No.</source>
        <translation>Ауысым №</translation>
    </message>
    <message>
        <source>Registration No.</source>
        <translation>БКМ тіркеу нөмірі</translation>
    </message>
    <message>
        <source>Cashbox</source>
        <translation>Касса</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Ашылды</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Жабылды</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Басылды</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Құжаттар</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>Қайтарулар</translation>
    </message>
    <message>
        <source>Autonomous mode</source>
        <translation>Автономды режим</translation>
    </message>
    <message>
        <source>Cash register Z report</source>
        <translation>Кассаның (БКМ) Z-есебі</translation>
    </message>
    <message>
        <source>Cash register X report</source>
        <translation>Кассаның (БКМ) X-есебі</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Тәсіл</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Күйі</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Саны</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сомасы</translation>
    </message>
</context>
<context>
    <name>ResultPanel</name>
    <message>
        <source>Type the next amount to continue.</source>
        <translation>Жалғастыру үшін келесі соманы енгізіңіз.</translation>
    </message>
    <message>
        <source>Invoice: %1</source>
        <translation>Шот: %1</translation>
    </message>
    <message>
        <source>Time: %1</source>
        <translation>Уақыты: %1</translation>
    </message>
    <message>
        <source>Card: %1</source>
        <translation>Карта: %1</translation>
    </message>
    <message>
        <source>RRN: %1</source>
        <translation>RRN: %1</translation>
    </message>
    <message>
        <source>Approval code: %1</source>
        <translation>Авторизация коды: %1</translation>
    </message>
    <message>
        <source>Payment result</source>
        <translation>Төлем нәтижесі</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Training (emulator, no real money)</source>
        <translation>Оқу (эмулятор, нақты ақшасыз)</translation>
    </message>
    <message>
        <source>ePay test</source>
        <translation>ePay тест</translation>
    </message>
    <message>
        <source>ePay test (new hosts)</source>
        <translation>ePay тест (жаңа мекенжайлар)</translation>
    </message>
    <message>
        <source>ePay production (real money)</source>
        <translation>ePay жұмыс ортасы (нақты ақша)</translation>
    </message>
    <message>
        <source>Bank widget inside the till</source>
        <translation>Касса ішіндегі банк виджеті</translation>
    </message>
    <message>
        <source>Bank payment page (redirect)</source>
        <translation>Банктің төлем беті (өту)</translation>
    </message>
    <message>
        <source>Type an amount such as 150000 or 99,50.</source>
        <translation>Соманы енгізіңіз, мысалы 150000 немесе 99,50.</translation>
    </message>
    <message>
        <source>Type a whole number of minutes.</source>
        <translation>Минуттардың бүтін санын енгізіңіз.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Till settings</source>
        <translation>Касса баптаулары</translation>
    </message>
    <message>
        <source>Show a customer-facing screen</source>
        <translation>Сатып алушы экранын көрсету</translation>
    </message>
    <message>
        <source>Kiosk mode (full screen, locked)</source>
        <translation>Киоск режимі (толық экран, құлыпталған)</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Орта</translation>
    </message>
    <message>
        <source>Terminal ID</source>
        <translation>Терминал ID</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>Клиент ID</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>Клиент құпиясы</translation>
    </message>
    <message>
        <source>Shop ID (invoice links)</source>
        <translation>Дүкен ID (шот сілтемелері)</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>Банк</translation>
    </message>
    <message>
        <source>Shop name</source>
        <translation>Дүкен атауы</translation>
    </message>
    <message>
        <source>Shop address</source>
        <translation>Дүкен мекенжайы</translation>
    </message>
    <message>
        <source>Default description</source>
        <translation>Әдепкі сипаттама</translation>
    </message>
    <message>
        <source>Maximum amount, ₸</source>
        <translation>Ең көп сома, ₸</translation>
    </message>
    <message>
        <source>Confirm amounts above, ₸ (0 = never)</source>
        <translation>Мына сомадан асса растау, ₸ (0 — ешқашан)</translation>
    </message>
    <message>
        <source>Invoice number prefix</source>
        <translation>Шот нөмірінің префиксі</translation>
    </message>
    <message>
        <source>QR link valid, minutes</source>
        <translation>QR сілтемесінің мерзімі, минут</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Тіл</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>Дүкен</translation>
    </message>
    <message>
        <source>Card form</source>
        <translation>Карта формасы</translation>
    </message>
    <message>
        <source>Checkout page address (https)</source>
        <translation>Төлем бетінің мекенжайы (https)</translation>
    </message>
    <message>
        <source>Back link</source>
        <translation>Қайту сілтемесі</translation>
    </message>
    <message>
        <source>Failure back link</source>
        <translation>Қате кезіндегі қайту сілтемесі</translation>
    </message>
    <message>
        <source>Post link</source>
        <translation>Хабарлама сілтемесі (postLink)</translation>
    </message>
    <message>
        <source>Failure post link</source>
        <translation>Қате туралы хабарлама сілтемесі</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>Сілтемелер</translation>
    </message>
    <message>
        <source>Training needs no credentials.</source>
        <translation>Оқу режиміне тіркелгі деректері қажет емес.</translation>
    </message>
    <message>
        <source>No secure keyring is available on this computer ({reason}). The client secret cannot be stored, so only training mode works here.</source>
        <translation>Бұл компьютерде қорғалған кілттер қоймасы жоқ ({reason}). Клиент құпиясын сақтау мүмкін емес, сондықтан мұнда тек оқу режимі жұмыс істейді.</translation>
    </message>
    <message>
        <source>Cannot be stored without a keyring</source>
        <translation>Кілттер қоймасынсыз сақтау мүмкін емес</translation>
    </message>
    <message>
        <source>The client secret is kept only in the system keyring.</source>
        <translation>Клиент құпиясы тек жүйелік кілттер қоймасында сақталады.</translation>
    </message>
    <message>
        <source>Stored in the keyring; leave empty to keep it</source>
        <translation>Қоймада сақталған; өзгертпеу үшін бос қалдырыңыз</translation>
    </message>
    <message>
        <source>Not stored yet</source>
        <translation>Әлі сақталмаған</translation>
    </message>
    <message>
        <source>Please correct the marked fields.</source>
        <translation>Белгіленген өрістерді түзетіңіз.</translation>
    </message>
</context>
<context>
    <name>ShiftDialog</name>
    <message>
        <source>Shift and reports</source>
        <translation>Ауысым және есептер</translation>
    </message>
    <message>
        <source>Open shift</source>
        <translation>Ауысымды ашу</translation>
    </message>
    <message>
        <source>X report</source>
        <translation>X-есеп</translation>
    </message>
    <message>
        <source>Close shift (Z report)…</source>
        <translation>Ауысымды жабу (Z-есеп)…</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Көрсету</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV-ге экспорттау…</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Ауысым</translation>
    </message>
    <message>
        <source>Earlier Z reports</source>
        <translation>Бұрынғы Z-есептер</translation>
    </message>
    <message>
        <source>Export the journal as CSV</source>
        <translation>Журналды CSV-ге экспорттау</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Бастап</translation>
    </message>
    <message>
        <source>to</source>
        <translation>дейін</translation>
    </message>
    <message>
        <source>No shift is open.</source>
        <translation>Ауысым ашылмаған.</translation>
    </message>
    <message>
        <source>Shift open since %1.</source>
        <translation>Ауысым %1 бастап ашық.</translation>
    </message>
    <message>
        <source>Z No. %1 — %2</source>
        <translation>Z № %1 — %2</translation>
    </message>
    <message>
        <source>Close shift</source>
        <translation>Ауысымды жабу</translation>
    </message>
    <message>
        <source>Close the shift and print the Z report? It cannot be changed afterwards.</source>
        <translation>Ауысымды жауып, Z-есепті басып шығару керек пе? Кейін оны өзгерту мүмкін емес.</translation>
    </message>
    <message>
        <source>Checking unfinished payments with the bank…</source>
        <translation>Аяқталмаған төлемдерді банкте тексерудеміз…</translation>
    </message>
    <message>
        <source>The report is printed on the receipt printer.</source>
        <translation>Есеп чек принтерінде басылды.</translation>
    </message>
    <message>
        <source>Printing the report on the receipt printer…</source>
        <translation>Есеп чек принтерінде басылуда…</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>CSV-ге экспорттау</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV файлдары (*.csv)</translation>
    </message>
    <message>
        <source>The file could not be written: %1</source>
        <translation>Файл жазылмады: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n payment(s) exported.</source>
        <translation>
            <numerusform>%n төлем экспортталды.</numerusform>
            <numerusform>%n төлем экспортталды.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>This computer has no secure password store (keyring), so the ePay secret cannot be read. Install or unlock the system keyring, then start the till again.</source>
        <translation>Бұл компьютерде қорғалған кілттер қоймасы жоқ, сондықтан ePay құпиясын оқу мүмкін емес. Жүйелік кілттер қоймасын орнатыңыз немесе құлпын ашыңыз, содан кейін кассаны қайта іске қосыңыз.</translation>
    </message>
    <message>
        <source>The system keyring did not give the ePay secret: it may be locked. Unlock it (log in again), then start the till again.</source>
        <translation>Жүйелік кілттер қоймасы ePay құпиясын бермеді: ол құлыпталған болуы мүмкін. Құлпын ашыңыз (жүйеге қайта кіріңіз), содан кейін кассаны қайта іске қосыңыз.</translation>
    </message>
    <message>
        <source>The till could not start. Details are in the log file.</source>
        <translation>Касса іске қосылмады. Толығырақ лог-файлда.</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>Waiting for the phone</source>
        <translation>Телефоннан төлем күтілуде</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>Басталуда</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Қосылуда</translation>
    </message>
    <message>
        <source>Card form open</source>
        <translation>Карта формасы ашық</translation>
    </message>
    <message>
        <source>Checking</source>
        <translation>Тексерілуде</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Мақұлданды</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Қабылданбады</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Бас тартылды</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Мерзімі өтті</translation>
    </message>
    <message>
        <source>Not confirmed yet</source>
        <translation>Әлі расталмаған</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Қайтарылды</translation>
    </message>
    <message>
        <source>Partly refunded</source>
        <translation>Ішінара қайтарылды</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Басталмады</translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <source>Use digits only.</source>
        <translation>Тек цифрларды қолданыңыз.</translation>
    </message>
    <message>
        <source>Use 6 to 12 digits.</source>
        <translation>6–12 сан пайдаланыңыз.</translation>
    </message>
    <message>
        <source>Do not use the same digit only.</source>
        <translation>Тек бір цифрды қайталамаңыз.</translation>
    </message>
    <message>
        <source>The admin PIN file cannot be read.</source>
        <translation>Әкімші PIN файлын оқу мүмкін емес.</translation>
    </message>
    <message>
        <source>The admin PIN file is damaged. Ask the administrator to reset it.</source>
        <translation>Әкімші PIN файлы бүлінген. Әкімшіден оны қайта орнатуды сұраңыз.</translation>
    </message>
    <message>
        <source>No admin PIN has been set.</source>
        <translation>Әкімші PIN-коды орнатылмаған.</translation>
    </message>
    <message>
        <source>The admin PIN file is missing. Ask the administrator to set it up again.</source>
        <translation>Әкімші PIN файлы жоқ. Әкімшіден оны қайта баптауды сұраңыз.</translation>
    </message>
    <message>
        <source>Must be a UUID like 67e34d63-102f-4bd1-898e-370781d0074d.</source>
        <translation>67e34d63-102f-4bd1-898e-370781d0074d сияқты UUID болуы керек.</translation>
    </message>
    <message>
        <source>The terminal ID is required for real payments.</source>
        <translation>Нақты төлемдер үшін терминал ID қажет.</translation>
    </message>
    <message>
        <source>The client ID is required for real payments.</source>
        <translation>Нақты төлемдер үшін клиент ID қажет.</translation>
    </message>
    <message>
        <source>Use only Latin letters, digits and . _ @ -</source>
        <translation>Тек латын әріптерін, цифрларды және . _ @ - қолданыңыз</translation>
    </message>
    <message>
        <source>At most 100 characters.</source>
        <translation>100 таңбадан аспауы керек.</translation>
    </message>
    <message>
        <source>At most 125 characters.</source>
        <translation>125 таңбадан аспауы керек.</translation>
    </message>
    <message>
        <source>At most 200 characters.</source>
        <translation>200 таңбадан аспауы керек.</translation>
    </message>
    <message>
        <source>At most 125 bytes (about 62 Cyrillic letters).</source>
        <translation>125 байттан аспауы керек (шамамен 62 кирилл әрпі).</translation>
    </message>
    <message>
        <source>Must be an amount above zero with at most two decimals.</source>
        <translation>Нөлден үлкен, үтірден кейін екі таңбадан аспайтын сома болуы керек.</translation>
    </message>
    <message>
        <source>Must be zero (off) or a positive amount.</source>
        <translation>Нөл (өшірулі) немесе оң сома болуы керек.</translation>
    </message>
    <message>
        <source>Between 1 and 1440 minutes.</source>
        <translation>1-ден 1440 минутқа дейін.</translation>
    </message>
    <message>
        <source>Must be true or false.</source>
        <translation>«Иә» немесе «жоқ» болуы керек.</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>Міндетті өріс.</translation>
    </message>
    <message>
        <source>Not a valid web address.</source>
        <translation>Веб-мекенжай қате.</translation>
    </message>
    <message>
        <source>A web address here must not contain a user name or password.</source>
        <translation>Мұндағы веб-мекенжайда пайдаланушы аты немесе құпиясөз болмауы керек.</translation>
    </message>
    <message>
        <source>Use https:// (http:// only for 127.0.0.1 or localhost in training and test).</source>
        <translation>https:// қолданыңыз (http:// — тек оқу мен тестте 127.0.0.1 немесе localhost үшін).</translation>
    </message>
    <message>
        <source>Use an https:// address.</source>
        <translation>https:// мекенжайын қолданыңыз.</translation>
    </message>
    <message>
        <source>The settings file could not be read; defaults are in use.</source>
        <translation>Баптаулар файлы оқылмады; әдепкі мәндер қолданылуда.</translation>
    </message>
    <message>
        <source>The settings file was damaged; defaults are in use.</source>
        <translation>Баптаулар файлы бүлінген; әдепкі мәндер қолданылуда.</translation>
    </message>
    <message>
        <source>The invoice prefix is up to 9 digits.</source>
        <translation>Шот префиксі — 9 цифрдан аспайды.</translation>
    </message>
    <message>
        <source>No keyring backend is installed or available.</source>
        <translation>Кілттер қоймасы орнатылмаған немесе қолжетімсіз.</translation>
    </message>
    <message>
        <source>The keyring is switched off (null backend).</source>
        <translation>Кілттер қоймасы өшірілген (null backend).</translation>
    </message>
    <message>
        <source>The only keyring stores secrets in a plain file, which is not allowed.</source>
        <translation>Жалғыз кілттер қоймасы құпияларды қарапайым файлда сақтайды — бұған рұқсат жоқ.</translation>
    </message>
    <message>
        <source>No keyring backend is available.</source>
        <translation>Кілттер қоймасы қолжетімсіз.</translation>
    </message>
    <message>
        <source>The keyring could not be loaded.</source>
        <translation>Кілттер қоймасы жүктелмеді.</translation>
    </message>
    <message>
        <source>The client secret is not in the system keyring. Run the settings or `pos-app configure` to store it.</source>
        <translation>Клиент құпиясы жүйелік кілттер қоймасында жоқ. Оны баптауларда немесе `pos-app configure` командасымен сақтаңыз.</translation>
    </message>
    <message>
        <source>This till has no ePay credentials. Open the settings to enter them.</source>
        <translation>Бұл кассада ePay тіркелгі деректері жоқ. Оларды енгізу үшін баптауларды ашыңыз.</translation>
    </message>
    <message>
        <source>POS_APP_EPAY_OAUTH_URL, POS_APP_EPAY_API_URL and POS_APP_EPAY_WIDGET_URL work only with the test environments. Remove them to use production.</source>
        <translation>POS_APP_EPAY_OAUTH_URL, POS_APP_EPAY_API_URL және POS_APP_EPAY_WIDGET_URL тек тест орталарында жұмыс істейді. Өндірістік ортада жұмыс істеу үшін оларды алып тастаңыз.</translation>
    </message>
    <message>
        <source>The secret must not start or end with a space.</source>
        <translation>Құпия бос орынмен басталмауы немесе аяқталмауы керек.</translation>
    </message>
    <message>
        <source>This does not look like an ePay client secret.</source>
        <translation>Бұл ePay клиент құпиясына ұқсамайды.</translation>
    </message>
    <message>
        <source>Enter the client ID that this secret belongs to.</source>
        <translation>Бұл құпия тиесілі клиент ID-ін енгізіңіз.</translation>
    </message>
    <message>
        <source>Enter the client secret issued by the bank.</source>
        <translation>Банк берген клиент құпиясын енгізіңіз.</translation>
    </message>
</context>
</TS>
