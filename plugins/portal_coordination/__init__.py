"""portal_coordination: the Regional Committee and the working groups (/koordynacja/)."""
