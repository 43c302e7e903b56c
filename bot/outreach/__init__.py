"""Event outreach: events, subscriptions, durable deliveries, and the notifiers that send them."""
