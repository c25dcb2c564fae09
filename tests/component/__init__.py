"""Component tests: the plugin code run in this process against the simulator over HTTP."""
