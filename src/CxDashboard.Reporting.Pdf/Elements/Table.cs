using CxDashboard.Reporting.Pdf.Layout;
using SkiaSharp;

namespace CxDashboard.Reporting.Pdf.Elements;

internal sealed record TableColumn(bool IsFixed, float Size);

/// <summary>A table cell; cells flow left to right into rows, a cell may span several columns.</summary>
internal sealed class TableCell(bool isHeader) : ContainerElement, ITableCell
{
    public bool IsHeader { get; } = isHeader;

    public int ColumnSpan { get; set; } = 1;

    public int RowIndex { get; set; }

    public int ColumnIndex { get; set; }

    internal override string Describe() =>
        $"Table {(IsHeader ? "header" : "body")} cell (row {RowIndex + 1}, column {ColumnIndex + 1})";
}

/// <summary>
/// A grid of relative and fixed columns. Rows are never split: a row that does not fit moves whole to the next
/// page. The header rows are drawn again at the top of every page the table reaches.
/// </summary>
internal sealed class Table : Element
{
    private List<List<TableCell>>? headerRows;
    private List<List<TableCell>>? bodyRows;
    private int nextBodyRow;

    public List<TableColumn> Columns { get; } = [];

    public List<TableCell> HeaderCells { get; } = [];

    public List<TableCell> BodyCells { get; } = [];

    internal override IEnumerable<Element> Children => HeaderCells.Concat(BodyCells);

    internal override string Describe() => "Table";

    protected override void ResetOwnState(bool hardReset) => nextBodyRow = 0;

    private readonly record struct PlacedRow(List<TableCell> Cells, float Top, float Height);

    private sealed record PageLayout(float[] Widths, float[] Lefts, List<PlacedRow> Header, List<PlacedRow> Body, SpacePlan? Failure);

    internal override SpacePlan Measure(SKSize available, RenderContext context)
    {
        PlaceCells();
        if (bodyRows!.Count > 0 && nextBodyRow >= bodyRows.Count)
            return SpacePlan.Empty;

        var layout = LayOut(available, context);
        if (layout.Failure is { } failure)
            return failure;

        var rows = layout.Header.Concat(layout.Body).ToList();
        var height = rows.Count == 0 ? 0 : rows[^1].Top + rows[^1].Height;
        var width = layout.Widths.Sum();
        var finished = nextBodyRow + layout.Body.Count >= bodyRows.Count;
        return finished ? SpacePlan.FullRender(width, height) : SpacePlan.PartialRender(width, height);
    }

    internal override void Draw(SKSize available, RenderContext context)
    {
        PlaceCells();
        var layout = LayOut(available, context);
        if (layout.Failure is not null)
            return;

        foreach (var row in layout.Header.Concat(layout.Body))
        {
            foreach (var cell in row.Cells)
            {
                var size = new SKSize(CellWidth(cell, layout.Widths), row.Height);
                DrawAt(cell, layout.Lefts[cell.ColumnIndex], row.Top, size, context);
            }
        }

        // The header repeats: re-arm its cells so the next page draws them in full again.
        foreach (var cell in HeaderCells)
            cell.ResetState(hardReset: false);

        nextBodyRow += layout.Body.Count;
        if (layout.Body.Count > 0)
            context.ReportProgress();
    }

    /// <summary>The header rows and the body rows that fit on this page, or why the table cannot start here.</summary>
    private PageLayout LayOut(SKSize available, RenderContext context)
    {
        if (Columns.Count == 0)
            throw new InvalidOperationException($"'{DescribePath()}' has no columns: call ColumnsDefinition(...) first.");

        var widths = ColumnWidths(available.Width, out var widthFailure);
        var lefts = new float[widths.Length];
        for (var index = 1; index < widths.Length; index++)
            lefts[index] = lefts[index - 1] + widths[index - 1];

        var header = new List<PlacedRow>();
        var body = new List<PlacedRow>();
        if (widthFailure is not null)
            return new PageLayout(widths, lefts, header, body, widthFailure);

        var top = 0f;
        foreach (var row in headerRows!)
        {
            var (height, failure) = MeasureRow(row, widths, available.Height - top, context);
            if (failure is not null)
                return new PageLayout(widths, lefts, header, body, failure);
            header.Add(new PlacedRow(row, top, height));
            top += height;
        }

        SpacePlan? firstRowFailure = null;
        for (var index = nextBodyRow; index < bodyRows!.Count; index++)
        {
            var (height, failure) = MeasureRow(bodyRows[index], widths, available.Height - top, context);
            if (failure is not null)
            {
                firstRowFailure = failure;
                break;
            }

            body.Add(new PlacedRow(bodyRows[index], top, height));
            top += height;
        }

        // A header alone, with no row under it, is not worth a page: move on together.
        var nothingFits = bodyRows.Count > 0 && body.Count == 0;
        return new PageLayout(widths, lefts, header, body, nothingFits ? firstRowFailure : null);
    }

    /// <summary>A row fits when every cell fits fully at its width; its height is the tallest cell's.</summary>
    private (float Height, SpacePlan? Failure) MeasureRow(List<TableCell> row, float[] widths, float availableHeight, RenderContext context)
    {
        float height = 0;
        foreach (var cell in row)
        {
            var space = new SKSize(CellWidth(cell, widths), Math.Max(0, availableHeight));
            var plan = cell.Measure(space, context);
            if (plan.IsWrap)
                return (0, plan);
            if (plan.IsPartial || Exceeds(plan.Height, availableHeight))
            {
                return (0, SpacePlan.Wrap(cell,
                    $"the row does not fit in the {Points(Math.Max(0, availableHeight))} left on the page, and table rows are never split"));
            }

            height = Math.Max(height, plan.Height);
        }

        return (height, null);
    }

    private float[] ColumnWidths(float availableWidth, out SpacePlan? failure)
    {
        var fixedWidth = Columns.Where(column => column.IsFixed).Sum(column => column.Size);
        var remaining = availableWidth - fixedWidth;
        failure = remaining < -SpacePlan.Epsilon
            ? SpacePlan.Wrap(this, $"its fixed columns need {Points(fixedWidth)} of width but only {Points(availableWidth)} is available")
            : null;

        var totalWeight = Columns.Where(column => !column.IsFixed).Sum(column => column.Size);
        return Columns
            .Select(column => column.IsFixed ? column.Size : Math.Max(0, remaining) * column.Size / totalWeight)
            .ToArray();
    }

    private static float CellWidth(TableCell cell, float[] widths) =>
        widths.Skip(cell.ColumnIndex).Take(cell.ColumnSpan).Sum();

    /// <summary>Flows cells into rows once ColumnSpan values are known (they are set after Cell() returns).</summary>
    private void PlaceCells()
    {
        if (headerRows is not null)
            return;

        headerRows = FlowIntoRows(HeaderCells);
        bodyRows = FlowIntoRows(BodyCells);
    }

    private List<List<TableCell>> FlowIntoRows(List<TableCell> cells)
    {
        var rows = new List<List<TableCell>>();
        var current = new List<TableCell>();
        var column = 0;
        foreach (var cell in cells)
        {
            if (cell.ColumnSpan > Columns.Count)
            {
                throw new InvalidOperationException(
                    $"A cell of '{DescribePath()}' spans {cell.ColumnSpan} columns but the table has {Columns.Count}.");
            }

            if (column + cell.ColumnSpan > Columns.Count)
            {
                rows.Add(current);
                current = [];
                column = 0;
            }

            cell.RowIndex = rows.Count;
            cell.ColumnIndex = column;
            current.Add(cell);
            column += cell.ColumnSpan;
            if (column == Columns.Count)
            {
                rows.Add(current);
                current = [];
                column = 0;
            }
        }

        if (current.Count > 0)
            rows.Add(current);
        return rows;
    }
}
