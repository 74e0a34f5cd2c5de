"""The window: panels, Qt models, the chart, dialogs, settings and translations."""
