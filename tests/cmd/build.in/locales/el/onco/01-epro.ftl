fever-title = Πυρετός
