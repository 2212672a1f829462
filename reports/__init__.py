"""Publishing: the weekly HTML digest, its index page, the Atom feed and notifications."""
