<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru" sourcelanguage="en">
<context>
    <name>ActivityPanel</name>
    <message>
        <source>Type the amount and press Enter to pay by card, or F2 for a QR code.</source>
        <translation>Введите сумму и нажмите Enter для оплаты картой или F2 для QR-кода.</translation>
    </message>
</context>
<context>
    <name>CheckoutController</name>
    <message>
        <source>Connecting to the bank…</source>
        <translation>Подключаемся к банку…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Отменяем…</translation>
    </message>
    <message>
        <source>Opening the card form…</source>
        <translation>Открываем форму оплаты картой…</translation>
    </message>
    <message>
        <source>Checking with the bank…</source>
        <translation>Проверяем в банке…</translation>
    </message>
    <message>
        <source>This usually takes a few seconds.</source>
        <translation>Обычно это занимает несколько секунд.</translation>
    </message>
    <message>
        <source>The result will be re-checked.</source>
        <translation>Результат будет проверен повторно.</translation>
    </message>
</context>
<context>
    <name>CredentialsPage</name>
    <message>
        <source>ePay credentials</source>
        <translation>Учётные данные ePay</translation>
    </message>
    <message>
        <source>From the bank&apos;s merchant letter. The secret goes to the system keyring only.</source>
        <translation>Из письма банка для продавца. Секрет сохраняется только в системном хранилище ключей.</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Проверить подключение</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>ID клиента</translation>
    </message>
    <message>
        <source>Terminal ID</source>
        <translation>ID терминала</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>Секрет клиента</translation>
    </message>
    <message>
        <source>No secure keyring is available on this computer, so the secret cannot be stored. Choose training, or install and unlock the system keyring.</source>
        <translation>На этом компьютере нет защищённого хранилища ключей, поэтому секрет сохранить нельзя. Выберите обучение или установите и разблокируйте системное хранилище ключей.</translation>
    </message>
    <message>
        <source>empty: the bank&apos;s public test shop</source>
        <translation>пусто: открытый тестовый магазин банка</translation>
    </message>
    <message>
        <source>Asking the bank for a token…</source>
        <translation>Запрашиваем токен у банка…</translation>
    </message>
</context>
<context>
    <name>CustomerDisplay</name>
    <message>
        <source>Welcome</source>
        <translation>Добро пожаловать</translation>
    </message>
    <message>
        <source>Scan the code with your phone camera to pay</source>
        <translation>Наведите камеру телефона на код, чтобы оплатить</translation>
    </message>
    <message>
        <source>Waiting for payment…</source>
        <translation>Ожидаем оплату…</translation>
    </message>
    <message>
        <source>Payment in progress…</source>
        <translation>Идёт оплата…</translation>
    </message>
    <message>
        <source>Checking with the bank…</source>
        <translation>Проверяем в банке…</translation>
    </message>
    <message>
        <source>The code is valid for %1</source>
        <translation>Код действителен ещё %1</translation>
    </message>
    <message>
        <source>Preparing the payment…</source>
        <translation>Готовим оплату…</translation>
    </message>
    <message>
        <source>Paid. Thank you!</source>
        <translation>Оплачено. Спасибо!</translation>
    </message>
    <message>
        <source>The payment was declined</source>
        <translation>Платёж отклонён</translation>
    </message>
    <message>
        <source>The payment was cancelled</source>
        <translation>Платёж отменён</translation>
    </message>
    <message>
        <source>The code has expired</source>
        <translation>Срок действия кода истёк</translation>
    </message>
    <message>
        <source>Please wait: the bank is confirming the payment</source>
        <translation>Подождите: банк подтверждает платёж</translation>
    </message>
    <message>
        <source>The payment could not be started</source>
        <translation>Не удалось начать оплату</translation>
    </message>
    <message>
        <source>TRAINING: this is not a real payment</source>
        <translation>ОБУЧЕНИЕ: это не настоящий платёж</translation>
    </message>
    <message>
        <source>TEST: this is not a real payment</source>
        <translation>ТЕСТ: это не настоящий платёж</translation>
    </message>
    <message>
        <source>Customer display</source>
        <translation>Экран покупателя</translation>
    </message>
    <message>
        <source>Your fiscal receipt: scan to check it</source>
        <translation>Ваш фискальный чек: отсканируйте, чтобы проверить</translation>
    </message>
</context>
<context>
    <name>DetailPanel</name>
    <message>
        <source>Invoice</source>
        <translation>Счёт</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Возвращено</translation>
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
        <translation>Код авторизации</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Способ</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Изменение</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Примечание</translation>
    </message>
    <message>
        <source>Receipt…</source>
        <translation>Чек…</translation>
    </message>
    <message>
        <source>Refund…</source>
        <translation>Возврат…</translation>
    </message>
    <message>
        <source>Cancel the hold…</source>
        <translation>Снять блокировку…</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Что происходило</translation>
    </message>
    <message>
        <source>QR</source>
        <translation>QR</translation>
    </message>
    <message>
        <source>⚠ Check with the bank: %1</source>
        <translation>⚠ Сверьте с банком: %1</translation>
    </message>
</context>
<context>
    <name>DocumentDialog</name>
    <message>
        <source>Print…</source>
        <translation>Печать…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Сохранить в PDF…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>Отправлено на принтер.</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Сохранить в PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Документы PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The PDF could not be saved: %1</source>
        <translation>Не удалось сохранить PDF: %1</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Сохранено: %1</translation>
    </message>
</context>
<context>
    <name>EntryPanel</name>
    <message>
        <source>Amount to pay</source>
        <translation>Сумма к оплате</translation>
    </message>
    <message>
        <source>Amount, tenge</source>
        <translation>Сумма, тенге</translation>
    </message>
    <message>
        <source>Amount in tenge</source>
        <translation>Сумма в тенге</translation>
    </message>
    <message>
        <source>Optional, up to 125 bytes</source>
        <translation>Необязательно, до 125 байт</translation>
    </message>
    <message>
        <source>Payment description</source>
        <translation>Описание платежа</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Необязательно</translation>
    </message>
    <message>
        <source>Customer account id</source>
        <translation>ID счёта покупателя</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <source>Customer id</source>
        <translation>ID покупателя</translation>
    </message>
    <message>
        <source>Input problem</source>
        <translation>Ошибка ввода</translation>
    </message>
    <message>
        <source>Pay by card  [Enter]</source>
        <translation>Оплата картой  [Enter]</translation>
    </message>
    <message>
        <source>Pay by card</source>
        <translation>Оплата картой</translation>
    </message>
    <message>
        <source>Pay by card (Enter)</source>
        <translation>Оплата картой (Enter)</translation>
    </message>
    <message>
        <source>QR  [F2]</source>
        <translation>QR  [F2]</translation>
    </message>
    <message>
        <source>Pay by QR code on the customer&apos;s phone</source>
        <translation>Оплата по QR-коду с телефона покупателя</translation>
    </message>
    <message>
        <source>Pay by QR code on the customer&apos;s phone (F2)</source>
        <translation>Оплата по QR-коду с телефона покупателя (F2)</translation>
    </message>
</context>
<context>
    <name>Environment</name>
    <message>
        <source>TRAINING</source>
        <translation>ОБУЧЕНИЕ</translation>
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
        <translation>Где эта касса будет принимать платежи?</translation>
    </message>
    <message>
        <source>You can change this later in the settings.</source>
        <translation>Это можно изменить позже в настройках.</translation>
    </message>
    <message>
        <source>Training: practise with the built-in emulator, no real money</source>
        <translation>Обучение: тренировка на встроенном эмуляторе, без реальных денег</translation>
    </message>
    <message>
        <source>ePay test: the bank&apos;s test environment</source>
        <translation>Тест ePay: тестовая среда банка</translation>
    </message>
    <message>
        <source>ePay production: real card payments</source>
        <translation>Рабочий ePay: реальные платежи картами</translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <source>Connected: the bank accepted these credentials.</source>
        <translation>Подключено: банк принял эти учётные данные.</translation>
    </message>
    <message>
        <source>The bank refused these credentials. Check the client ID, the secret and the terminal ID.</source>
        <translation>Банк отклонил эти учётные данные. Проверьте ID клиента, секрет и ID терминала.</translation>
    </message>
    <message>
        <source>The bank refused the request. Check the terminal ID.</source>
        <translation>Банк отклонил запрос. Проверьте ID терминала.</translation>
    </message>
    <message>
        <source>The bank did not answer in time. Check the network and try again.</source>
        <translation>Банк не ответил вовремя. Проверьте сеть и повторите попытку.</translation>
    </message>
    <message>
        <source>The bank cannot be reached. Check the network connection, proxy and firewall.</source>
        <translation>Банк недоступен. Проверьте сетевое подключение, прокси и брандмауэр.</translation>
    </message>
    <message>
        <source>The bank sent an answer the till cannot read. Try again later.</source>
        <translation>Банк прислал ответ, который касса не может прочитать. Повторите позже.</translation>
    </message>
    <message>
        <source>Some details are missing or malformed.</source>
        <translation>Некоторые данные отсутствуют или указаны неверно.</translation>
    </message>
    <message>
        <source>The connection test failed unexpectedly.</source>
        <translation>Проверка подключения неожиданно завершилась ошибкой.</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Set up the till</source>
        <translation>Настройка кассы</translation>
    </message>
</context>
<context>
    <name>Fiscal</name>
    <message>
        <source>No fiscal receipts</source>
        <translation>Без фискальных чеков</translation>
    </message>
    <message>
        <source>Same as the till</source>
        <translation>Как у кассы</translation>
    </message>
    <message>
        <source>Webkassa test</source>
        <translation>Webkassa, тестовый сервер</translation>
    </message>
    <message>
        <source>Webkassa production</source>
        <translation>Webkassa, рабочий сервер</translation>
    </message>
    <message>
        <source>Kept in the keyring; leave empty to keep it</source>
        <translation>Хранится в связке ключей; оставьте пустым, чтобы не менять</translation>
    </message>
    <message>
        <source>Cloud cash register</source>
        <translation>Облачная ККМ</translation>
    </message>
    <message>
        <source>Register environment</source>
        <translation>Сервер ККМ</translation>
    </message>
    <message>
        <source>Cashbox unique number (ZNM)</source>
        <translation>Заводской номер кассы (ЗНМ)</translation>
    </message>
    <message>
        <source>Register login</source>
        <translation>Логин ККМ</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-ключ</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <source>VAT rate, % (-1 = no VAT)</source>
        <translation>Ставка НДС, % (-1 = без НДС)</translation>
    </message>
    <message>
        <source>Item name on the receipt</source>
        <translation>Название товара в чеке</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Секция</translation>
    </message>
    <message>
        <source>Receipt width, mm (58 or 80)</source>
        <translation>Ширина чека, мм (58 или 80)</translation>
    </message>
    <message>
        <source>Receipt printer (tcp://host:9100, usb://…)</source>
        <translation>Принтер чеков (tcp://хост:9100, usb://…)</translation>
    </message>
    <message>
        <source>Fiscal receipts</source>
        <translation>Фискальные чеки</translation>
    </message>
    <message>
        <source>Type a whole number.</source>
        <translation>Введите целое число.</translation>
    </message>
    <message>
        <source>Register secrets are kept for Webkassa test or production only.</source>
        <translation>Ключи ККМ хранятся только для тестового или рабочего сервера Webkassa.</translation>
    </message>
    <message>
        <source>Type the login, the API key and the password together.</source>
        <translation>Введите логин, API-ключ и пароль вместе.</translation>
    </message>
    <message>
        <source>This payment has no registered fiscal receipt yet, and a return receipt must refer to it. Wait until it is registered, then refund.</source>
        <translation>У этого платежа ещё нет зарегистрированного фискального чека, а чек возврата должен ссылаться на него. Дождитесь регистрации, затем сделайте возврат.</translation>
    </message>
    <message>
        <source>The cash register refused to close its shift (login or set-up), so the shift stays open. Nothing is lost. Call the administrator to check the fiscal settings (pos-app doctor), then close the shift again.</source>
        <translation>Касса отказалась закрыть смену (вход или настройка), поэтому смена остаётся открытой. Ничего не потеряно. Позовите администратора проверить фискальные настройки (pos-app doctor), затем закройте смену снова.</translation>
    </message>
    <message>
        <source>The cash register cannot be reached, so the shift stays open (the till&apos;s and the register&apos;s). Nothing is lost: you can go on selling, the receipts wait and go out when it answers. Check the internet connection, then close the shift again.</source>
        <translation>Касса недоступна, поэтому смена остаётся открытой (и на кассе, и в программе). Ничего не потеряно: можно продолжать продажи, чеки ждут в очереди и уйдут, когда касса ответит. Проверьте подключение к интернету, затем закройте смену снова.</translation>
    </message>
    <message>
        <source>The cash register has not confirmed some receipts yet, so the shift stays open. Nothing is lost: they are checked again. Check the internet connection, then close the shift again in a minute.</source>
        <translation>Касса ещё не подтвердила некоторые чеки, поэтому смена остаётся открытой. Ничего не потеряно: они проверяются повторно. Проверьте подключение к интернету и закройте смену снова через минуту.</translation>
    </message>
    <message>
        <source>The cash register is blocked, so the shift stays open. Nothing is lost: the receipts wait. Call the register&apos;s support (Webkassa) to unblock it, then close the shift again.</source>
        <translation>Касса заблокирована, поэтому смена остаётся открытой. Ничего не потеряно: чеки ждут в очереди. Позвоните в поддержку кассы (Webkassa), чтобы её разблокировали, затем закройте смену снова.</translation>
    </message>
    <message>
        <source>The register&apos;s shift reaches its 24-hour limit within an hour: close the shift (Z report) soon.</source>
        <translation>Смена ККМ достигнет предела в 24 часа меньше чем через час: скоро закройте смену (Z-отчёт).</translation>
    </message>
    <message>
        <source>The cash register is blocked. Receipts wait in the queue; call support.</source>
        <translation>Касса заблокирована. Чеки ждут в очереди; обратитесь в поддержку.</translation>
    </message>
    <message>
        <source>The register&apos;s shift is over 24 hours: close the shift (Z report). Receipts wait in the queue.</source>
        <translation>Смена ККМ длится больше 24 часов: закройте смену (Z-отчёт). Чеки ждут в очереди.</translation>
    </message>
    <message>
        <source>The register has had no link to the OFD for over 72 hours. Receipts wait in the queue; call support.</source>
        <translation>ККМ больше 72 часов без связи с ОФД. Чеки ждут в очереди; обратитесь в поддержку.</translation>
    </message>
    <message>
        <source>The cash register refused a receipt (error %1). Call support.</source>
        <translation>ККМ отклонила чек (ошибка %1). Обратитесь в поддержку.</translation>
    </message>
    <message>
        <source>The cash register cannot be reached. Receipts wait in the queue and go out automatically; do not ring the sale up again.</source>
        <translation>ККМ недоступна. Чеки ждут в очереди и уйдут автоматически; не пробивайте продажу повторно.</translation>
    </message>
    <message>
        <source>Fiscal receipt being registered…</source>
        <translation>Фискальный чек регистрируется…</translation>
    </message>
    <message>
        <source>Fiscal receipt queued</source>
        <translation>Фискальный чек в очереди</translation>
    </message>
    <message>
        <source>Fiscal receipt %1</source>
        <translation>Фискальный чек %1</translation>
    </message>
    <message>
        <source>(autonomous mode)</source>
        <translation>(автономный режим)</translation>
    </message>
    <message>
        <source>Shift %1, receipt %2</source>
        <translation>Смена %1, чек %2</translation>
    </message>
    <message>
        <source>Register %1</source>
        <translation>РНМ %1</translation>
    </message>
    <message>
        <source>Receipt printed.</source>
        <translation>Чек напечатан.</translation>
    </message>
    <message>
        <source>Return receipt being registered…</source>
        <translation>Чек возврата регистрируется…</translation>
    </message>
    <message>
        <source>No return receipt was queued: this payment has no registered fiscal receipt.</source>
        <translation>Чек возврата не поставлен в очередь: у этого платежа нет зарегистрированного фискального чека.</translation>
    </message>
    <message>
        <source>Return receipt queued.</source>
        <translation>Чек возврата в очереди.</translation>
    </message>
    <message>
        <source>Return receipt %1 registered.</source>
        <translation>Чек возврата %1 зарегистрирован.</translation>
    </message>
    <message>
        <source>Basis: sale receipt %1 of %2, register %3.</source>
        <translation>Основание: чек продажи %1 от %2, ККМ %3.</translation>
    </message>
    <message>
        <source>Fiscal receipt again</source>
        <translation>Фискальный чек ещё раз</translation>
    </message>
    <message>
        <source>This payment has no registered fiscal receipt.</source>
        <translation>У этого платежа нет зарегистрированного фискального чека.</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>Печать…</translation>
    </message>
</context>
<context>
    <name>FiscalController</name>
    <message>
        <source>Fiscal receipts cannot be registered right now.</source>
        <translation>Фискальные чеки сейчас не регистрируются.</translation>
    </message>
</context>
<context>
    <name>FormPanel</name>
    <message>
        <source>The bank&apos;s card form</source>
        <translation>Форма банка для ввода карты</translation>
    </message>
    <message>
        <source>The customer enters the card details in the bank&apos;s form.</source>
        <translation>Покупатель вводит данные карты в форме банка.</translation>
    </message>
    <message>
        <source>Cancel payment  [Esc]</source>
        <translation>Отменить платёж  [Esc]</translation>
    </message>
    <message>
        <source>Cancel the payment</source>
        <translation>Отменить платёж</translation>
    </message>
    <message>
        <source>Cancel the payment (Esc)</source>
        <translation>Отменить платёж (Esc)</translation>
    </message>
</context>
<context>
    <name>HistoryLauncher</name>
    <message>
        <source>History  [F3]</source>
        <translation>История  [F3]</translation>
    </message>
    <message>
        <source>Payments, receipts, refunds and shift reports (F3)</source>
        <translation>Платежи, чеки, возвраты и отчёты по смене (F3)</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>Счёт</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Способ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
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
        <translation>⚠ сверить с банком</translation>
    </message>
</context>
<context>
    <name>HistoryWindow</name>
    <message>
        <source>Payment history</source>
        <translation>История платежей</translation>
    </message>
    <message>
        <source>Invoice, amount, RRN or card (*1234)</source>
        <translation>Счёт, сумма, RRN или карта (*1234)</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Даты</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Все статусы</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Одобрено</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Возвращён</translation>
    </message>
    <message>
        <source>Cancelled or expired</source>
        <translation>Отменён или истёк</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Отклонено</translation>
    </message>
    <message>
        <source>Not confirmed yet</source>
        <translation>Ещё не подтверждён</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Не начат</translation>
    </message>
    <message>
        <source>Card and QR</source>
        <translation>Карта и QR</translation>
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
        <translation>Смена и отчёты…</translation>
    </message>
    <message numerus="yes">
        <source>%n payment(s)</source>
        <translation>
            <numerusform>%n платёж</numerusform>
            <numerusform>%n платежа</numerusform>
            <numerusform>%n платежей</numerusform>
        </translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Чек</translation>
    </message>
    <message>
        <source>Asking the bank…</source>
        <translation>Запрашиваем банк…</translation>
    </message>
    <message>
        <source>Done: the bank confirmed %1.</source>
        <translation>Готово: банк подтвердил %1.</translation>
    </message>
    <message>
        <source>Recorded: the administrator&apos;s decision.</source>
        <translation>Записано: решение администратора.</translation>
    </message>
</context>
<context>
    <name>HqSync</name>
    <message>
        <source>Head office</source>
        <translation>Головной офис</translation>
    </message>
    <message>
        <source>⚠ Head office: sending stopped (see pos-app doctor)</source>
        <translation>⚠ Головной офис: отправка остановлена (см. pos-app doctor)</translation>
    </message>
    <message>
        <source>⚠ Head office: %1 h behind</source>
        <translation>⚠ Головной офис: отставание %1 ч</translation>
    </message>
    <message>
        <source>Payments are safe in this till. They reach the head office when it can be reached again.</source>
        <translation>Платежи сохранены в этой кассе. Они попадут в головной офис, когда связь восстановится.</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <source>Delete last digit</source>
        <translation>Стереть последнюю цифру</translation>
    </message>
    <message>
        <source>Delete last digit (Backspace)</source>
        <translation>Стереть последнюю цифру (Backspace)</translation>
    </message>
    <message>
        <source>Decimal comma</source>
        <translation>Десятичная запятая</translation>
    </message>
    <message>
        <source>Keypad</source>
        <translation>Цифровая клавиатура</translation>
    </message>
</context>
<context>
    <name>Kiosk</name>
    <message>
        <source>Leave kiosk mode  [Ctrl+Shift+Q]</source>
        <translation>Выйти из режима киоска  [Ctrl+Shift+Q]</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Settings saved. The language applies now; other changes after a restart.</source>
        <translation>Настройки сохранены. Язык применён сразу, остальные изменения — после перезапуска.</translation>
    </message>
    <message>
        <source>ePay till</source>
        <translation>Касса ePay</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Среда</translation>
    </message>
    <message>
        <source>Settings…  [Ctrl+,]</source>
        <translation>Настройки…  [Ctrl+,]</translation>
    </message>
    <message>
        <source>Settings (Ctrl+,), needs the administrator PIN</source>
        <translation>Настройки (Ctrl+,), нужен PIN администратора</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>TRAINING — no real money</source>
        <translation>ОБУЧЕНИЕ — без реальных денег</translation>
    </message>
    <message>
        <source>ePay TEST</source>
        <translation>ТЕСТ ePay</translation>
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
        <translation>Сначала введите сумму.</translation>
    </message>
    <message>
        <source>The amount cannot be negative.</source>
        <translation>Сумма не может быть отрицательной.</translation>
    </message>
    <message>
        <source>Use only digits and one comma.</source>
        <translation>Используйте только цифры и одну запятую.</translation>
    </message>
    <message>
        <source>At most two digits after the comma.</source>
        <translation>Не более двух цифр после запятой.</translation>
    </message>
    <message>
        <source>This is not an amount.</source>
        <translation>Это не сумма.</translation>
    </message>
    <message>
        <source>The amount must be more than zero.</source>
        <translation>Сумма должна быть больше нуля.</translation>
    </message>
    <message>
        <source>The amount is above this till&apos;s limit.</source>
        <translation>Сумма превышает лимит этой кассы.</translation>
    </message>
    <message>
        <source>The description is too long (at most 125 bytes).</source>
        <translation>Описание слишком длинное (не более 125 байт).</translation>
    </message>
    <message>
        <source>The description has characters that cannot be sent.</source>
        <translation>В описании есть символы, которые нельзя отправить.</translation>
    </message>
    <message>
        <source>The customer id may have Latin letters and digits only.</source>
        <translation>ID покупателя может содержать только латинские буквы и цифры.</translation>
    </message>
    <message>
        <source>The bank refused this till&apos;s credentials. Call the administrator.</source>
        <translation>Банк отклонил учётные данные этой кассы. Позовите администратора.</translation>
    </message>
    <message>
        <source>The bank refused the request.</source>
        <translation>Банк отклонил запрос.</translation>
    </message>
    <message>
        <source>The bank did not answer in time. Please try again.</source>
        <translation>Банк не ответил вовремя. Повторите попытку.</translation>
    </message>
    <message>
        <source>No connection to the bank. Check the network and try again.</source>
        <translation>Нет связи с банком. Проверьте сеть и повторите попытку.</translation>
    </message>
    <message>
        <source>The bank sent an answer the till cannot read. Please try again.</source>
        <translation>Банк прислал ответ, который касса не может прочитать. Повторите попытку.</translation>
    </message>
    <message>
        <source>The request is not valid.</source>
        <translation>Запрос недействителен.</translation>
    </message>
    <message>
        <source>The bank&apos;s card form could not be opened. Please try again.</source>
        <translation>Не удалось открыть форму банка для карты. Повторите попытку.</translation>
    </message>
    <message>
        <source>The payment journal cannot be written. Payments are stopped; call the administrator.</source>
        <translation>Невозможно записать журнал платежей. Платежи остановлены — позовите администратора.</translation>
    </message>
    <message>
        <source>A payment is already in progress.</source>
        <translation>Платёж уже выполняется.</translation>
    </message>
    <message>
        <source>The bank did not confirm the result. Do not repeat it: the till checks with the bank first.</source>
        <translation>Банк не подтвердил результат. Не повторяйте платёж: касса сначала уточнит в банке.</translation>
    </message>
    <message>
        <source>The bank&apos;s service is not working right now. Please try again later.</source>
        <translation>Сервис банка сейчас не работает. Повторите позже.</translation>
    </message>
    <message>
        <source>The bank sent an answer the till cannot read. Call the administrator.</source>
        <translation>Банк прислал ответ, который касса не может прочитать. Позовите администратора.</translation>
    </message>
    <message>
        <source>The bank&apos;s address in the settings is not valid. Call the administrator.</source>
        <translation>Адрес банка в настройках неверен. Позовите администратора.</translation>
    </message>
    <message>
        <source>The bank refused to start this payment. Check the amount and try again.</source>
        <translation>Банк отказался начать этот платёж. Проверьте сумму и повторите попытку.</translation>
    </message>
    <message>
        <source>The bank does not know this payment.</source>
        <translation>Банку неизвестен этот платёж.</translation>
    </message>
    <message>
        <source>The invoice number is not valid for the bank.</source>
        <translation>Номер счёта не принят банком.</translation>
    </message>
    <message>
        <source>The payment id is not valid for the bank.</source>
        <translation>ID платежа не принят банком.</translation>
    </message>
    <message>
        <source>The refund id is not valid for the bank.</source>
        <translation>ID возврата не принят банком.</translation>
    </message>
    <message>
        <source>A refund must be at least 10 tenge.</source>
        <translation>Возврат должен быть не меньше 10 тенге.</translation>
    </message>
    <message>
        <source>Payment links need the shop id in the settings. Call the administrator.</source>
        <translation>Для ссылок на оплату нужен ID магазина в настройках. Позовите администратора.</translation>
    </message>
    <message>
        <source>The amount is too large.</source>
        <translation>Сумма слишком большая.</translation>
    </message>
    <message>
        <source>The amount is below the bank&apos;s minimum.</source>
        <translation>Сумма меньше минимальной для банка.</translation>
    </message>
    <message>
        <source>A phone number is +7 and 10 digits.</source>
        <translation>Номер телефона: +7 и 10 цифр.</translation>
    </message>
    <message>
        <source>The link lifetime is a number of days, like 1d.</source>
        <translation>Срок действия ссылки указывается в днях, например 1d.</translation>
    </message>
    <message>
        <source>The language must be Russian, Kazakh or English.</source>
        <translation>Язык: русский, казахский или английский.</translation>
    </message>
    <message>
        <source>Something went wrong. Please try again.</source>
        <translation>Что-то пошло не так. Повторите попытку.</translation>
    </message>
    <message>
        <source>Not enough money on the card.</source>
        <translation>На карте недостаточно средств.</translation>
    </message>
    <message>
        <source>The card was refused: try another card.</source>
        <translation>Карта отклонена: попробуйте другую карту.</translation>
    </message>
    <message>
        <source>Refused by the card&apos;s bank: the customer should call it.</source>
        <translation>Отказ банка, выпустившего карту: покупателю нужно позвонить в свой банк.</translation>
    </message>
    <message>
        <source>The bank&apos;s systems are busy: try again in a few minutes.</source>
        <translation>Системы банка заняты: попробуйте через несколько минут.</translation>
    </message>
    <message>
        <source>A limit was reached: try a smaller amount or another card.</source>
        <translation>Превышен лимит: попробуйте меньшую сумму или другую карту.</translation>
    </message>
    <message>
        <source>The payment was refused.</source>
        <translation>Платёж отклонён.</translation>
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
        <translation>Задайте PIN администратора</translation>
    </message>
    <message>
        <source>No administrator PIN is set yet. Choose one now; it protects the settings and refunds.</source>
        <translation>PIN администратора ещё не задан. Задайте его сейчас: он защищает настройки и возвраты.</translation>
    </message>
</context>
<context>
    <name>OfflineBanner</name>
    <message>
        <source>No connection to the bank: new payments are paused. History and reports still work. The till keeps checking and continues by itself.</source>
        <translation>Нет связи с банком: новые платежи приостановлены. История и отчёты работают. Касса продолжает проверять связь и возобновит работу сама.</translation>
    </message>
    <message>
        <source>Offline: no connection to ePay</source>
        <translation>Офлайн: нет связи с ePay</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Проверяем…</translation>
    </message>
    <message>
        <source>Check now  [F5]</source>
        <translation>Проверить  [F5]</translation>
    </message>
    <message>
        <source>Check the connection to the bank now</source>
        <translation>Проверить связь с банком сейчас</translation>
    </message>
    <message>
        <source>No connection to the bank</source>
        <translation>Нет связи с банком</translation>
    </message>
</context>
<context>
    <name>PinFields</name>
    <message>
        <source>New PIN (6–12 digits)</source>
        <translation>Новый PIN (6–12 цифр)</translation>
    </message>
    <message>
        <source>Repeat the PIN</source>
        <translation>Повторите PIN</translation>
    </message>
    <message>
        <source>The two PINs differ.</source>
        <translation>PIN-коды не совпадают.</translation>
    </message>
</context>
<context>
    <name>PinPage</name>
    <message>
        <source>Administrator PIN</source>
        <translation>PIN администратора</translation>
    </message>
    <message>
        <source>Needed to open the settings, make refunds and leave kiosk mode. Cashiers should not know it.</source>
        <translation>Нужен, чтобы открыть настройки, сделать возврат и выйти из режима киоска. Кассиры не должны его знать.</translation>
    </message>
</context>
<context>
    <name>PinPrompt</name>
    <message>
        <source>Administrator PIN</source>
        <translation>PIN администратора</translation>
    </message>
    <message>
        <source>This action needs the administrator PIN.</source>
        <translation>Для этого действия нужен PIN администратора.</translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong PINs. Try again in %n second(s).</source>
        <translation>
            <numerusform>Слишком много неверных PIN. Повторите через %n секунду.</numerusform>
            <numerusform>Слишком много неверных PIN. Повторите через %n секунды.</numerusform>
            <numerusform>Слишком много неверных PIN. Повторите через %n секунд.</numerusform>
        </translation>
    </message>
    <message>
        <source>You can try again now.</source>
        <translation>Теперь можно повторить.</translation>
    </message>
    <message>
        <source>Your PIN is shorter than 6 digits. Choose a new one now; the action goes ahead once it is set.</source>
        <translation>Ваш PIN короче 6 цифр. Задайте новый сейчас; действие продолжится, как только он будет сохранён.</translation>
    </message>
    <message>
        <source>Set a new PIN of 6 to 12 digits to go on.</source>
        <translation>Чтобы продолжить, задайте новый PIN из 6–12 цифр.</translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation>Неверный PIN.</translation>
    </message>
</context>
<context>
    <name>ProgressPanel</name>
    <message>
        <source>Waiting for the bank</source>
        <translation>Ожидаем ответ банка</translation>
    </message>
    <message>
        <source>Cancel  [Esc]</source>
        <translation>Отмена  [Esc]</translation>
    </message>
    <message>
        <source>Cancel the payment</source>
        <translation>Отменить платёж</translation>
    </message>
    <message>
        <source>Cancel the payment (Esc)</source>
        <translation>Отменить платёж (Esc)</translation>
    </message>
    <message>
        <source>Stop waiting  [Esc]</source>
        <translation>Не ждать  [Esc]</translation>
    </message>
    <message>
        <source>Stop waiting; the payment is checked again later</source>
        <translation>Прекратить ожидание; платёж будет проверен позже</translation>
    </message>
</context>
<context>
    <name>QrController</name>
    <message>
        <source>Creating the payment link…</source>
        <translation>Создаём ссылку на оплату…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Отменяем…</translation>
    </message>
    <message>
        <source>Making a new link for the customer…</source>
        <translation>Создаём новую ссылку для покупателя…</translation>
    </message>
    <message>
        <source>Asking the bank once more…</source>
        <translation>Ещё раз уточняем в банке…</translation>
    </message>
    <message>
        <source>The link could not be sent: check the phone or e-mail.</source>
        <translation>Не удалось отправить ссылку: проверьте телефон или e-mail.</translation>
    </message>
    <message>
        <source>The bank could not confirm the result yet; it will be re-checked.</source>
        <translation>Банк пока не подтвердил результат; он будет проверен повторно.</translation>
    </message>
    <message>
        <source>The result will be re-checked.</source>
        <translation>Результат будет проверен повторно.</translation>
    </message>
</context>
<context>
    <name>QrPanel</name>
    <message>
        <source>The customer scans the code with the phone camera.</source>
        <translation>Покупатель сканирует код камерой телефона.</translation>
    </message>
    <message>
        <source>Time left to pay</source>
        <translation>Осталось времени на оплату</translation>
    </message>
    <message>
        <source>Payment link</source>
        <translation>Ссылка на оплату</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Скопировано</translation>
    </message>
    <message>
        <source>Copy  [Ctrl+Shift+C]</source>
        <translation>Копировать  [Ctrl+Shift+C]</translation>
    </message>
    <message>
        <source>Copy the payment link</source>
        <translation>Скопировать ссылку на оплату</translation>
    </message>
    <message>
        <source>Customer phone for an SMS with the link</source>
        <translation>Телефон покупателя для SMS со ссылкой</translation>
    </message>
    <message>
        <source>name@example.kz</source>
        <translation>name@example.kz</translation>
    </message>
    <message>
        <source>Customer e-mail for the link</source>
        <translation>E-mail покупателя для ссылки</translation>
    </message>
    <message>
        <source>Send the link  [Enter]</source>
        <translation>Отправить ссылку  [Enter]</translation>
    </message>
    <message>
        <source>Send the link to the customer</source>
        <translation>Отправить ссылку покупателю</translation>
    </message>
    <message>
        <source>Cancel payment  [Esc]</source>
        <translation>Отменить платёж  [Esc]</translation>
    </message>
    <message>
        <source>Cancel the payment</source>
        <translation>Отменить платёж</translation>
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
        <translation>Отправить ссылку покупателю:</translation>
    </message>
    <message>
        <source>Sending needs invoice-link access in the settings.</source>
        <translation>Для отправки нужен доступ к ссылкам на счёт в настройках.</translation>
    </message>
    <message>
        <source>Sent to %1.</source>
        <translation>Отправлено: %1.</translation>
    </message>
    <message>
        <source>Making a new link for the customer…</source>
        <translation>Создаём новую ссылку для покупателя…</translation>
    </message>
    <message>
        <source>The link is too long for a QR code; copy or send it.</source>
        <translation>Ссылка слишком длинная для QR-кода — скопируйте или отправьте её.</translation>
    </message>
    <message>
        <source>Waiting for the customer to pay…</source>
        <translation>Ожидаем оплату от покупателя…</translation>
    </message>
    <message>
        <source>The customer is paying…</source>
        <translation>Покупатель оплачивает…</translation>
    </message>
    <message>
        <source>No answer from the bank yet; still checking.</source>
        <translation>Банк пока не ответил; продолжаем проверять.</translation>
    </message>
    <message>
        <source>Expires in %1</source>
        <translation>Истекает через %1</translation>
    </message>
    <message>
        <source>A phone number is +7 and 10 digits.</source>
        <translation>Номер телефона: +7 и 10 цифр.</translation>
    </message>
    <message>
        <source>This is not an e-mail address.</source>
        <translation>Это не адрес e-mail.</translation>
    </message>
    <message>
        <source>Type a phone number or an e-mail.</source>
        <translation>Введите номер телефона или e-mail.</translation>
    </message>
</context>
<context>
    <name>QrWidget</name>
    <message>
        <source>Payment QR code</source>
        <translation>QR-код для оплаты</translation>
    </message>
</context>
<context>
    <name>RecentStrip</name>
    <message>
        <source>Recent:</source>
        <translation>Последние:</translation>
    </message>
    <message>
        <source>Recent payments</source>
        <translation>Последние платежи</translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <source>Cancel the hold</source>
        <translation>Снять блокировку</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Возврат</translation>
    </message>
    <message>
        <source>Release the held %1 of invoice %2?</source>
        <translation>Снять блокировку %1 по счёту %2?</translation>
    </message>
    <message>
        <source>Invoice %2: %1 can still be refunded (at least 10 ₸).</source>
        <translation>Счёт %2: можно вернуть ещё %1 (не меньше 10 ₸).</translation>
    </message>
    <message>
        <source>Refund amount</source>
        <translation>Сумма возврата</translation>
    </message>
    <message>
        <source>For example: the customer returned the goods</source>
        <translation>Например: покупатель вернул товар</translation>
    </message>
    <message>
        <source>Amount, ₸</source>
        <translation>Сумма, ₸</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
</context>
<context>
    <name>RefundReviewDialog</name>
    <message>
        <source>Unconfirmed refund</source>
        <translation>Неподтверждённый возврат</translation>
    </message>
    <message>
        <source>Refund %1 of %2 was sent, but the bank has not confirmed it. Another refund of this payment waits until you decide. Check the merchant cabinet first.</source>
        <translation>Возврат %1 на %2 отправлен, но банк его не подтвердил. Другой возврат по этому платежу ждёт вашего решения. Сначала проверьте кабинет мерчанта.</translation>
    </message>
    <message>
        <source>The bank says now: %1</source>
        <translation>Ответ банка сейчас: %1</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Почему</translation>
    </message>
    <message>
        <source>Why, for example: seen in the cabinet</source>
        <translation>Почему, например: видно в кабинете</translation>
    </message>
    <message>
        <source>The bank refunded it</source>
        <translation>Банк вернул деньги</translation>
    </message>
    <message>
        <source>It was not refunded</source>
        <translation>Возврата не было</translation>
    </message>
    <message>
        <source>Send it again</source>
        <translation>Отправить ещё раз</translation>
    </message>
    <message>
        <source>Decide later</source>
        <translation>Решить позже</translation>
    </message>
    <message>
        <source>Say why (what the cabinet or the bank showed).</source>
        <translation>Укажите причину (что показал кабинет или банк).</translation>
    </message>
</context>
<context>
    <name>Refunds</name>
    <message>
        <source>This is not an amount. Type it like 1500 or 1500,50.</source>
        <translation>Это не сумма. Введите, например, 1500 или 1500,50.</translation>
    </message>
    <message>
        <source>A refund must be at least 10 ₸.</source>
        <translation>Возврат должен быть не меньше 10 ₸.</translation>
    </message>
    <message>
        <source>The refund is more than what remains on this payment.</source>
        <translation>Возврат больше, чем осталось по этому платежу.</translation>
    </message>
    <message>
        <source>Give a reason for the refund.</source>
        <translation>Укажите причину возврата.</translation>
    </message>
    <message>
        <source>This payment cannot be refunded.</source>
        <translation>Этот платёж нельзя вернуть.</translation>
    </message>
    <message>
        <source>The bank does not hold this payment, so it cannot be cancelled.</source>
        <translation>Банк не держит этот платёж, поэтому его нельзя отменить.</translation>
    </message>
    <message>
        <source>An earlier refund of this payment is not confirmed by the bank. The administrator decides on it first.</source>
        <translation>Предыдущий возврат по этому платежу не подтверждён банком. Сначала решение принимает администратор.</translation>
    </message>
    <message>
        <source>There is no unconfirmed refund on this payment.</source>
        <translation>По этому платежу нет неподтверждённого возврата.</translation>
    </message>
    <message>
        <source>Sent, but the bank has not confirmed it yet. Check again later.</source>
        <translation>Отправлено, но банк ещё не подтвердил. Проверьте позже.</translation>
    </message>
    <message>
        <source>A shift is already open.</source>
        <translation>Смена уже открыта.</translation>
    </message>
    <message>
        <source>No shift is open. Open a shift first.</source>
        <translation>Смена не открыта. Сначала откройте смену.</translation>
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
        <translation>Z-отчёт № %1 (смена закрыта)</translation>
    </message>
    <message>
        <source>X report (shift still open)</source>
        <translation>X-отчёт (смена ещё открыта)</translation>
    </message>
    <message>
        <source>No payments in this shift.</source>
        <translation>В этой смене нет платежей.</translation>
    </message>
    <message>
        <source>From</source>
        <translation>С</translation>
    </message>
    <message>
        <source>to</source>
        <translation>по</translation>
    </message>
    <message>
        <source>Non-fiscal document</source>
        <translation>Нефискальный документ</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Продажи</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>Возвраты</translation>
    </message>
    <message>
        <source>Cancelled holds</source>
        <translation>Отменённые блокировки</translation>
    </message>
    <message>
        <source>Net total</source>
        <translation>Итого</translation>
    </message>
    <message>
        <source>Shift No.</source>
        <translation>Смена №</translation>
    </message>
    <message>
        <source>Registration No.</source>
        <translation>Рег. номер ККМ</translation>
    </message>
    <message>
        <source>Cashbox</source>
        <translation>Касса</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Открыта</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Закрыта</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Напечатан</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Документов</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>Возвраты</translation>
    </message>
    <message>
        <source>Autonomous mode</source>
        <translation>Автономный режим</translation>
    </message>
    <message>
        <source>Cash register Z report</source>
        <translation>Z-отчёт кассы (ККМ)</translation>
    </message>
    <message>
        <source>Cash register X report</source>
        <translation>X-отчёт кассы (ККМ)</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Способ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Количество</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
</context>
<context>
    <name>ResultPanel</name>
    <message>
        <source>Type the next amount to continue.</source>
        <translation>Чтобы продолжить, введите следующую сумму.</translation>
    </message>
    <message>
        <source>Invoice: %1</source>
        <translation>Счёт: %1</translation>
    </message>
    <message>
        <source>Time: %1</source>
        <translation>Время: %1</translation>
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
        <translation>Код авторизации: %1</translation>
    </message>
    <message>
        <source>Payment result</source>
        <translation>Результат платежа</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Training (emulator, no real money)</source>
        <translation>Обучение (эмулятор, без реальных денег)</translation>
    </message>
    <message>
        <source>ePay test</source>
        <translation>Тест ePay</translation>
    </message>
    <message>
        <source>ePay test (new hosts)</source>
        <translation>Тест ePay (новые адреса)</translation>
    </message>
    <message>
        <source>ePay production (real money)</source>
        <translation>Рабочий ePay (реальные деньги)</translation>
    </message>
    <message>
        <source>Bank widget inside the till</source>
        <translation>Виджет банка внутри кассы</translation>
    </message>
    <message>
        <source>Bank payment page (redirect)</source>
        <translation>Платёжная страница банка (переход)</translation>
    </message>
    <message>
        <source>Type an amount such as 150000 or 99,50.</source>
        <translation>Введите сумму, например 150000 или 99,50.</translation>
    </message>
    <message>
        <source>Type a whole number of minutes.</source>
        <translation>Введите целое число минут.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Till settings</source>
        <translation>Настройки кассы</translation>
    </message>
    <message>
        <source>Show a customer-facing screen</source>
        <translation>Показывать экран покупателя</translation>
    </message>
    <message>
        <source>Kiosk mode (full screen, locked)</source>
        <translation>Режим киоска (весь экран, заблокирован)</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Среда</translation>
    </message>
    <message>
        <source>Terminal ID</source>
        <translation>ID терминала</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>ID клиента</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>Секрет клиента</translation>
    </message>
    <message>
        <source>Shop ID (invoice links)</source>
        <translation>ID магазина (ссылки на счёт)</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>Банк</translation>
    </message>
    <message>
        <source>Shop name</source>
        <translation>Название магазина</translation>
    </message>
    <message>
        <source>Shop address</source>
        <translation>Адрес магазина</translation>
    </message>
    <message>
        <source>Default description</source>
        <translation>Описание по умолчанию</translation>
    </message>
    <message>
        <source>Maximum amount, ₸</source>
        <translation>Максимальная сумма, ₸</translation>
    </message>
    <message>
        <source>Confirm amounts above, ₸ (0 = never)</source>
        <translation>Подтверждать суммы свыше, ₸ (0 — никогда)</translation>
    </message>
    <message>
        <source>Invoice number prefix</source>
        <translation>Префикс номера счёта</translation>
    </message>
    <message>
        <source>QR link valid, minutes</source>
        <translation>Срок действия QR-ссылки, минут</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>Магазин</translation>
    </message>
    <message>
        <source>Card form</source>
        <translation>Форма карты</translation>
    </message>
    <message>
        <source>Checkout page address (https)</source>
        <translation>Адрес страницы оплаты (https)</translation>
    </message>
    <message>
        <source>Back link</source>
        <translation>Ссылка возврата</translation>
    </message>
    <message>
        <source>Failure back link</source>
        <translation>Ссылка возврата при ошибке</translation>
    </message>
    <message>
        <source>Post link</source>
        <translation>Ссылка уведомления (postLink)</translation>
    </message>
    <message>
        <source>Failure post link</source>
        <translation>Ссылка уведомления об ошибке</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>Ссылки</translation>
    </message>
    <message>
        <source>Training needs no credentials.</source>
        <translation>Для обучения учётные данные не нужны.</translation>
    </message>
    <message>
        <source>No secure keyring is available on this computer ({reason}). The client secret cannot be stored, so only training mode works here.</source>
        <translation>На этом компьютере нет защищённого хранилища ключей ({reason}). Секрет клиента сохранить нельзя, поэтому здесь работает только режим обучения.</translation>
    </message>
    <message>
        <source>Cannot be stored without a keyring</source>
        <translation>Без хранилища ключей сохранить нельзя</translation>
    </message>
    <message>
        <source>The client secret is kept only in the system keyring.</source>
        <translation>Секрет клиента хранится только в системном хранилище ключей.</translation>
    </message>
    <message>
        <source>Stored in the keyring; leave empty to keep it</source>
        <translation>Сохранён в хранилище; оставьте пустым, чтобы не менять</translation>
    </message>
    <message>
        <source>Not stored yet</source>
        <translation>Ещё не сохранён</translation>
    </message>
    <message>
        <source>Please correct the marked fields.</source>
        <translation>Исправьте отмеченные поля.</translation>
    </message>
</context>
<context>
    <name>ShiftDialog</name>
    <message>
        <source>Shift and reports</source>
        <translation>Смена и отчёты</translation>
    </message>
    <message>
        <source>Open shift</source>
        <translation>Открыть смену</translation>
    </message>
    <message>
        <source>X report</source>
        <translation>X-отчёт</translation>
    </message>
    <message>
        <source>Close shift (Z report)…</source>
        <translation>Закрыть смену (Z-отчёт)…</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Показать</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Экспорт в CSV…</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Смена</translation>
    </message>
    <message>
        <source>Earlier Z reports</source>
        <translation>Прошлые Z-отчёты</translation>
    </message>
    <message>
        <source>Export the journal as CSV</source>
        <translation>Экспортировать журнал в CSV</translation>
    </message>
    <message>
        <source>From</source>
        <translation>С</translation>
    </message>
    <message>
        <source>to</source>
        <translation>по</translation>
    </message>
    <message>
        <source>No shift is open.</source>
        <translation>Смена не открыта.</translation>
    </message>
    <message>
        <source>Shift open since %1.</source>
        <translation>Смена открыта с %1.</translation>
    </message>
    <message>
        <source>Z No. %1 — %2</source>
        <translation>Z № %1 — %2</translation>
    </message>
    <message>
        <source>Close shift</source>
        <translation>Закрыть смену</translation>
    </message>
    <message>
        <source>Close the shift and print the Z report? It cannot be changed afterwards.</source>
        <translation>Закрыть смену и напечатать Z-отчёт? Изменить его потом будет нельзя.</translation>
    </message>
    <message>
        <source>Checking unfinished payments with the bank…</source>
        <translation>Проверяем незавершённые платежи в банке…</translation>
    </message>
    <message>
        <source>The report is printed on the receipt printer.</source>
        <translation>Отчёт напечатан на чековом принтере.</translation>
    </message>
    <message>
        <source>Printing the report on the receipt printer…</source>
        <translation>Печать отчёта на чековом принтере…</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Экспорт в CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
    <message>
        <source>The file could not be written: %1</source>
        <translation>Не удалось записать файл: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n payment(s) exported.</source>
        <translation>
            <numerusform>Выгружен %n платёж.</numerusform>
            <numerusform>Выгружено %n платежа.</numerusform>
            <numerusform>Выгружено %n платежей.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>This computer has no secure password store (keyring), so the ePay secret cannot be read. Install or unlock the system keyring, then start the till again.</source>
        <translation>На этом компьютере нет защищённого хранилища ключей, поэтому секрет ePay прочитать нельзя. Установите или разблокируйте системное хранилище ключей и запустите кассу снова.</translation>
    </message>
    <message>
        <source>The system keyring did not give the ePay secret: it may be locked. Unlock it (log in again), then start the till again.</source>
        <translation>Системное хранилище ключей не выдало секрет ePay: возможно, оно заблокировано. Разблокируйте его (войдите в систему заново) и запустите кассу снова.</translation>
    </message>
    <message>
        <source>The till could not start. Details are in the log file.</source>
        <translation>Касса не смогла запуститься. Подробности в журнале работы (лог-файле).</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>Waiting for the phone</source>
        <translation>Ждём оплату с телефона</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>Начинается</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Подключение</translation>
    </message>
    <message>
        <source>Card form open</source>
        <translation>Открыта форма карты</translation>
    </message>
    <message>
        <source>Checking</source>
        <translation>Проверка</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Одобрено</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Отклонено</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Отменён</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Истёк</translation>
    </message>
    <message>
        <source>Not confirmed yet</source>
        <translation>Ещё не подтверждён</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Возвращён</translation>
    </message>
    <message>
        <source>Partly refunded</source>
        <translation>Частично возвращён</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Не начат</translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <source>Use digits only.</source>
        <translation>Используйте только цифры.</translation>
    </message>
    <message>
        <source>Use 6 to 12 digits.</source>
        <translation>Используйте от 6 до 12 цифр.</translation>
    </message>
    <message>
        <source>Do not use the same digit only.</source>
        <translation>Не используйте одну и ту же цифру.</translation>
    </message>
    <message>
        <source>The admin PIN file cannot be read.</source>
        <translation>Не удаётся прочитать файл PIN администратора.</translation>
    </message>
    <message>
        <source>The admin PIN file is damaged. Ask the administrator to reset it.</source>
        <translation>Файл PIN администратора повреждён. Попросите администратора сбросить его.</translation>
    </message>
    <message>
        <source>No admin PIN has been set.</source>
        <translation>PIN администратора не задан.</translation>
    </message>
    <message>
        <source>The admin PIN file is missing. Ask the administrator to set it up again.</source>
        <translation>Файл PIN администратора пропал. Попросите администратора настроить его заново.</translation>
    </message>
    <message>
        <source>Must be a UUID like 67e34d63-102f-4bd1-898e-370781d0074d.</source>
        <translation>Нужен UUID вида 67e34d63-102f-4bd1-898e-370781d0074d.</translation>
    </message>
    <message>
        <source>The terminal ID is required for real payments.</source>
        <translation>Для реальных платежей нужен ID терминала.</translation>
    </message>
    <message>
        <source>The client ID is required for real payments.</source>
        <translation>Для реальных платежей нужен ID клиента.</translation>
    </message>
    <message>
        <source>Use only Latin letters, digits and . _ @ -</source>
        <translation>Используйте только латинские буквы, цифры и . _ @ -</translation>
    </message>
    <message>
        <source>At most 100 characters.</source>
        <translation>Не более 100 символов.</translation>
    </message>
    <message>
        <source>At most 125 characters.</source>
        <translation>Не более 125 символов.</translation>
    </message>
    <message>
        <source>At most 200 characters.</source>
        <translation>Не более 200 символов.</translation>
    </message>
    <message>
        <source>At most 125 bytes (about 62 Cyrillic letters).</source>
        <translation>Не более 125 байт (около 62 букв кириллицы).</translation>
    </message>
    <message>
        <source>Must be an amount above zero with at most two decimals.</source>
        <translation>Нужна сумма больше нуля, не более двух знаков после запятой.</translation>
    </message>
    <message>
        <source>Must be zero (off) or a positive amount.</source>
        <translation>Ноль (выключено) или положительная сумма.</translation>
    </message>
    <message>
        <source>Between 1 and 1440 minutes.</source>
        <translation>От 1 до 1440 минут.</translation>
    </message>
    <message>
        <source>Must be true or false.</source>
        <translation>Должно быть «да» или «нет».</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>Обязательное поле.</translation>
    </message>
    <message>
        <source>Not a valid web address.</source>
        <translation>Неверный веб-адрес.</translation>
    </message>
    <message>
        <source>A web address here must not contain a user name or password.</source>
        <translation>Веб-адрес здесь не должен содержать имя пользователя или пароль.</translation>
    </message>
    <message>
        <source>Use https:// (http:// only for 127.0.0.1 or localhost in training and test).</source>
        <translation>Используйте https:// (http:// — только для 127.0.0.1 или localhost в обучении и тесте).</translation>
    </message>
    <message>
        <source>Use an https:// address.</source>
        <translation>Используйте адрес https://.</translation>
    </message>
    <message>
        <source>The settings file could not be read; defaults are in use.</source>
        <translation>Не удалось прочитать файл настроек; используются значения по умолчанию.</translation>
    </message>
    <message>
        <source>The settings file was damaged; defaults are in use.</source>
        <translation>Файл настроек был повреждён; используются значения по умолчанию.</translation>
    </message>
    <message>
        <source>The invoice prefix is up to 9 digits.</source>
        <translation>Префикс счёта — не более 9 цифр.</translation>
    </message>
    <message>
        <source>No keyring backend is installed or available.</source>
        <translation>Хранилище ключей не установлено или недоступно.</translation>
    </message>
    <message>
        <source>The keyring is switched off (null backend).</source>
        <translation>Хранилище ключей отключено (null backend).</translation>
    </message>
    <message>
        <source>The only keyring stores secrets in a plain file, which is not allowed.</source>
        <translation>Единственное хранилище ключей хранит секреты в обычном файле — это запрещено.</translation>
    </message>
    <message>
        <source>No keyring backend is available.</source>
        <translation>Хранилище ключей недоступно.</translation>
    </message>
    <message>
        <source>The keyring could not be loaded.</source>
        <translation>Не удалось загрузить хранилище ключей.</translation>
    </message>
    <message>
        <source>The client secret is not in the system keyring. Run the settings or `pos-app configure` to store it.</source>
        <translation>Секрета клиента нет в системном хранилище ключей. Сохраните его в настройках или командой `pos-app configure`.</translation>
    </message>
    <message>
        <source>This till has no ePay credentials. Open the settings to enter them.</source>
        <translation>У этой кассы нет учётных данных ePay. Откройте настройки, чтобы их ввести.</translation>
    </message>
    <message>
        <source>POS_APP_EPAY_OAUTH_URL, POS_APP_EPAY_API_URL and POS_APP_EPAY_WIDGET_URL work only with the test environments. Remove them to use production.</source>
        <translation>POS_APP_EPAY_OAUTH_URL, POS_APP_EPAY_API_URL и POS_APP_EPAY_WIDGET_URL действуют только в тестовых средах. Удалите их, чтобы работать с боевой средой.</translation>
    </message>
    <message>
        <source>The secret must not start or end with a space.</source>
        <translation>Секрет не должен начинаться или заканчиваться пробелом.</translation>
    </message>
    <message>
        <source>This does not look like an ePay client secret.</source>
        <translation>Это не похоже на секрет клиента ePay.</translation>
    </message>
    <message>
        <source>Enter the client ID that this secret belongs to.</source>
        <translation>Введите ID клиента, которому принадлежит этот секрет.</translation>
    </message>
    <message>
        <source>Enter the client secret issued by the bank.</source>
        <translation>Введите секрет клиента, выданный банком.</translation>
    </message>
</context>
</TS>
