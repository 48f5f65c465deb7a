"""The observatory's inputs, first step of its pipeline (sources → facts → figures → presentation):
the SIRENE stock files and the directory's entries, the reference tables that classify them, and
the figures others published. The `facts` table is built from them one layer up."""
