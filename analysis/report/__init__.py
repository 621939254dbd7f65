"""Report: findings, their wording, the written summary and the figure gallery."""
