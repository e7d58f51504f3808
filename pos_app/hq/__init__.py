"""Head office: every till of a chain ships its journal events to one PostgreSQL.

No Qt here (``ui/headoffice/sync.py`` runs the sync in the background). ``psycopg`` is imported
only by the modules that talk to the server (:mod:`.server`, :mod:`.migrate`, :mod:`.report`), and
those only when head office is configured: a till without it never loads the driver.

* :mod:`.config`  – URL, shop id, till id, TLS options (``hq.json``), password in the keyring
* :mod:`.local`   – the till's side in its journal: unsent events, the last acknowledged one
* :mod:`.server`  – one batch into the central tables, exactly once and in order
* :mod:`.sync`    – the loop: batches until caught up; errors sorted into retry or stop
* :mod:`.migrate` – the central schema from versioned SQL files in ``migrations/``
* :mod:`.report`  – ``pos-app hq report``
"""
