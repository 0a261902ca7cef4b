namespace StrassenRepro.Crystallization.Recovery;

/// <summary>A point of the projective line, stored as a vector of the plane (defined up to a nonzero factor).</summary>
public readonly record struct ProjectivePoint(double X, double Y)
{
    public double Dot(ProjectivePoint o) => X * o.X + Y * o.Y;

    /// <summary>|sin| of the angle between the two lines (0 = the same projective point).</summary>
    public double SineTo(ProjectivePoint o) => Math.Abs(X * o.Y - Y * o.X) / (Length * o.Length);

    public double Length => Math.Sqrt(X * X + Y * Y);

    public ProjectivePoint Normalized() => new(X / Length, Y / Length);

    /// <summary>The mean of two unit vectors of (nearly) the same line, signs aligned first.</summary>
    public ProjectivePoint MeanLine(ProjectivePoint o)
    {
        var aligned = Dot(o) < 0 ? new ProjectivePoint(-o.X, -o.Y) : o;
        return new ProjectivePoint(X + aligned.X, Y + aligned.Y).Normalized();
    }
}
