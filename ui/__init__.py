"""Qt widgets: a view over the drafting core. The editor window arrives with its own issue."""
