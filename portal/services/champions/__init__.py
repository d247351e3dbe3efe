"""Recovery Champions: profiles and vetting (profiles), free time (availability), requests, offers,
meetings and messages (requests), how a match moves (match_states), and who fits whom: the rules on
plain objects (matching) and the candidates loaded from the database (candidates)."""
