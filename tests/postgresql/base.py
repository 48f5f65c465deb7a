"""PostgreSQL as in production, except how the tests empty the tables after a transactional test
(live server, real worker, browser, concurrency): DELETE instead of TRUNCATE.

Django empties every table after each such test. TRUNCATE gives each of the ~100 tables and their
indexes new files, which took 4 to 6 seconds a test on the loaded two-core machine; deleting the
few rows a test wrote takes a fraction of a second. The foreign keys Django creates are deferred,
so the order of the deletions does not matter; sequences are not reset in either case.
"""

from django.db.backends.postgresql import base, operations


class DatabaseOperations(operations.DatabaseOperations):
    def sql_flush(self, style, tables, *, reset_sequences=False, allow_cascade=False):
        if reset_sequences or allow_cascade:
            return super().sql_flush(
                style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade
            )
        deletions = [f"DELETE FROM {self.quote_name(table)}" for table in tables]
        return ["SET CONSTRAINTS ALL DEFERRED", *deletions] if deletions else []


class DatabaseWrapper(base.DatabaseWrapper):
    ops_class = DatabaseOperations
