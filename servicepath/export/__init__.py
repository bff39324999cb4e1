"""Exports: pictures, reports and data files that open in the programs people use."""
