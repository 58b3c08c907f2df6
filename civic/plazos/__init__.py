"""Terms of every expediente: business days left, the traffic light, reminder rules and the daily digest."""
