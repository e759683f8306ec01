namespace CxDashboard.Reporting.Pdf.Layout;

/// <summary>The answer an element gives when asked how much of the offered space it needs.</summary>
internal enum SpacePlanType
{
    /// <summary>Nothing can be placed here; try again on the next page.</summary>
    Wrap,

    /// <summary>Part of the content fits; the rest continues on the next page.</summary>
    PartialRender,

    /// <summary>All of the remaining content fits.</summary>
    FullRender,
}

/// <summary>Why an element could not be placed: the element to blame and a sentence for the exception.</summary>
internal sealed record WrapReason(Element Culprit, string Message);

/// <summary>Result of <see cref="Element.Measure"/>: a plan type and the size the element will occupy.</summary>
internal readonly record struct SpacePlan(SpacePlanType Type, float Width, float Height, WrapReason? Reason = null)
{
    /// <summary>Tolerance for float comparisons, so that re-measuring a measured size still fits.</summary>
    public const float Epsilon = 0.001f;

    public static SpacePlan FullRender(float width, float height) => new(SpacePlanType.FullRender, width, height);

    public static SpacePlan PartialRender(float width, float height) => new(SpacePlanType.PartialRender, width, height);

    public static SpacePlan Wrap(Element culprit, string message) => new(SpacePlanType.Wrap, 0, 0, new WrapReason(culprit, message));

    public static SpacePlan Empty => FullRender(0, 0);

    public bool IsWrap => Type == SpacePlanType.Wrap;

    public bool IsPartial => Type == SpacePlanType.PartialRender;

    public bool IsFull => Type == SpacePlanType.FullRender;

    public bool IsEmptySize => Width < Epsilon && Height < Epsilon;

    /// <summary>Same plan type (and wrap reason) with another size; used by containers that add or clamp space.</summary>
    public SpacePlan WithSize(float width, float height) => this with { Width = width, Height = height };

    public override string ToString() => IsWrap ? $"Wrap ({Reason?.Message})" : $"{Type} {Width:0.##}x{Height:0.##}";
}
