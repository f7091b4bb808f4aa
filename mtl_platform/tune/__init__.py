"""Ray Tune sweeps over job fields, task weights on the simplex first."""
