"""Analysis over stored news and prices: event study, novelty, explain, claim check.

Pure functions: callers read the store and price tables and pass plain records in.
"""
