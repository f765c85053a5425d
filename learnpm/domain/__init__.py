"""Pure domain logic: no Flask, no database. Every module here is unit-tested on its own."""
