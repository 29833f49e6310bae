"""XLSX: one sheet of a workbook read and written streaming, cell types and number formats kept.

A workbook is checked before any XML is parsed (an old ``.xls``, a CSV
renamed ``.xlsx``, a zip bomb are refused), its XML goes through defusedxml,
and what Excel cannot hold (a cell past 32,767 characters, more than
1,048,576 rows, control characters) is reported at its cell, never truncated.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import IO, Any

from ..errors import DataError, UsageError
from ..files import open_input
from .base import Advance, TableReader

XLSX_MAX_CELL = 32_767
XLSX_MAX_ROWS = 1_048_576
XLSX_MAX_UNCOMPRESSED = 1 << 30
XLSX_MAX_RATIO = 200
_OLE = bytes.fromhex("d0cf11e0a1b11ae1")


def check_xlsx(path: str) -> None:
    """Refuse what is not a sane XLSX file before any XML is parsed.

    Raises:
        DataError: an old .xls (OLE2) file, not a zip archive (a CSV renamed
            .xlsx), or a zip whose members expand too far (a zip bomb).
    """
    import zipfile

    with open_input(path) as fh:
        head = fh.read(8)
    if head.startswith(_OLE):
        raise DataError("an old Excel .xls file (OLE2), not .xlsx: save it as .xlsx or CSV", path)
    if not head.startswith(b"PK\x03\x04"):
        raise DataError("not an XLSX file (not a zip archive); if it is CSV, pass --input-format csv", path)
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise DataError(f"not an XLSX file: {exc}", path) from None
    total = 0
    for info in infos:
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > (1 << 20) and ratio > XLSX_MAX_RATIO:
            raise DataError(
                f"refusing a possible zip bomb: {info.filename} expands {ratio:,.0f} times "
                f"(to {info.file_size:,} bytes; the limit is {XLSX_MAX_RATIO} times)",
                path,
            )
    if total > XLSX_MAX_UNCOMPRESSED:
        raise DataError(
            f"refusing a possible zip bomb: the workbook expands to {total:,} bytes "
            f"(the limit is {XLSX_MAX_UNCOMPRESSED:,})",
            path,
        )
    if "xl/workbook.xml" not in {i.filename for i in infos}:
        raise DataError("not an XLSX workbook (no xl/workbook.xml in the archive)", path)


def cell_name(row: int, col: int) -> str:
    """``C12`` for row 12, column 3 (both from 1)."""
    letters = ""
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return f"{letters}{row}"


class XlsxReader(TableReader):
    """Read one sheet of a workbook, streaming (openpyxl read-only, XML through defusedxml).

    Rows are lists of openpyxl read-only cells, so that their types, formulas
    and number formats can be written back.

    Args:
        path: the workbook (a file: a zip archive cannot be read from a pipe).
        sheet: the sheet to read (default: the first).
    """

    format = "xlsx"

    def __init__(self, path: str, sheet: str | None) -> None:
        check_xlsx(path)
        try:
            from openpyxl import load_workbook
        except ImportError:  # pragma: no cover - a core dependency
            raise UsageError("XLSX needs openpyxl: pip install openpyxl") from None
        self.name = path
        try:
            self._wb = load_workbook(path, read_only=True, data_only=False, keep_links=False)
        except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds on a damaged workbook
            raise DataError(f"cannot read the workbook: {_why(exc)}", path) from None
        names = self.sheets = list(self._wb.sheetnames)
        if sheet is None:
            self.sheet = names[0]
        elif sheet in names:
            self.sheet = sheet
        else:
            raise UsageError(f"no sheet '{sheet}' in {path} (sheets: {', '.join(names)})")
        self._ws = self._wb[self.sheet]
        from openpyxl.cell.read_only import EMPTY_CELL

        self._empty = EMPTY_CELL
        self._rows = self._ws.iter_rows()
        first = next(self._rows, None)
        if first is None:
            raise DataError(f"sheet '{self.sheet}' is empty: no header row", path)
        try:
            last = self._ws.max_row  # the sheet's <dimension>, if it has one
        except Exception:  # noqa: BLE001 - a damaged dimension only costs the progress display its percentage
            last = None
        self._total: int | None = last - 1 if isinstance(last, int) and last > 1 else None
        self.header_cells = list(first)
        self.header = ["" if c.value is None else str(c.value) for c in first]
        self.width = len(self.header)
        self.rows = 0

    def advance(self, rows: int) -> Advance:
        """Rows done of the rows the sheet's dimension gives (unknown without one)."""
        return Advance(rows, rows, self._total, "rows")

    def describe(self) -> str:
        """``XLSX, sheet 'name'``."""
        return f"XLSX, sheet '{self.sheet}'"

    def __iter__(self) -> Iterator[list[Any]]:
        count = 0
        try:
            width = self.width
            for row in self._rows:
                count += 1
                cells = list(row)
                # Without a <dimension>, trailing empty cells are left out:
                # pad to the header so that the columns stay where they are.
                if len(cells) < width:
                    cells.extend([self._empty] * (width - len(cells)))
                yield cells
        except Exception as exc:  # noqa: BLE001 - the sheet's XML is parsed as it streams
            raise DataError(
                f"cannot read sheet '{self.sheet}' after row {count + 1}: {_why(exc)}",
                self.name,
            ) from None
        finally:
            self.rows = count

    @property
    def others(self) -> list[str]:
        """The workbook's other sheets, in order."""
        return [name for name in self.sheets if name != self.sheet]

    def sheet_rows(self, title: str) -> Iterator[Sequence[Any]]:
        """The rows of another sheet of the workbook, as read-only cells.

        Raises:
            DataError: the sheet's XML cannot be read.
        """
        try:
            yield from self._wb[title].iter_rows()
        except Exception as exc:  # noqa: BLE001 - the sheet's XML is parsed as it streams
            raise DataError(f"cannot read sheet '{title}': {_why(exc)}", self.name) from None

    def close(self) -> None:
        """Release the workbook's file."""
        self._wb.close()


def xlsx_sheet_names(path: str) -> list[str]:
    """The sheet names of a workbook (checked as :class:`XlsxReader` checks it)."""
    with XlsxReader(path, None) as reader:
        return reader.sheets


def _cell_at(row: int, col: int) -> str:
    return f"cell {cell_name(row, col)}"


class XlsxWriter:
    """Write a workbook with openpyxl's write-only workbook, keeping cell types, formulas and styles.

    A text cell that begins with ``=`` stays text (never becomes a formula);
    a formula read from the input stays a formula. Cells read from a
    workbook keep their number format, font, fill, border, alignment and
    protection. :meth:`copy_sheet` adds a sheet of the input as it is.

    Args:
        sheet: the title of the sheet :meth:`append` writes.
        name: the input's name, for errors.
        where: how an error names the cell at (row, column) of the written
            sheet (default: its own cell name); a cleaned sheet names the
            input's cell, which an added column moved.
    """

    def __init__(
        self,
        sheet: str,
        *,
        name: str | None = None,
        where: Callable[[int, int], str] = _cell_at,
    ) -> None:
        from openpyxl import Workbook
        from openpyxl.cell import WriteOnlyCell

        self._wb = Workbook(write_only=True)
        self._ws = self._wb.create_sheet(title=sheet)
        self._cell = WriteOnlyCell
        self._name = name
        self._where = where
        self._styles: dict[int, Any] = {}
        self.row = 0

    def _text(self, value: str, col: int, ws: Any = None) -> Any:
        if len(value) > XLSX_MAX_CELL:
            raise DataError(
                f"{self._where(self.row, col)} would hold {len(value):,} characters; Excel allows {XLSX_MAX_CELL:,}",
                self._name,
            )
        if value.startswith("="):
            cell = self._cell(ws or self._ws, value)
            cell.data_type = "s"
            return cell
        return value

    def _copy(self, cell: Any, col: int, ws: Any) -> Any:
        """A cell read from a workbook, as the write-only sheet ``ws`` takes it: value, type, style."""
        value = cell.value
        if not getattr(cell, "has_style", False):
            if value is None or cell.data_type == "f":
                return value
            return self._text(value, col, ws) if isinstance(value, str) else value
        if cell.data_type == "f" or not isinstance(value, str):
            out = self._cell(ws, value)
        else:
            text = self._text(value, col, ws)
            out = text if not isinstance(text, str) else self._cell(ws, text)
        self._style(cell, out)
        return out

    def _style(self, cell: Any, out: Any) -> None:
        """Give ``out`` the style of ``cell``: looked up and registered once for each style of the source."""
        key = getattr(cell, "_style_id", None)
        known = self._styles.get(key) if key is not None else None
        if known is not None:
            out._style = copy.copy(known)
            return
        out.font = cell.font
        out.fill = cell.fill
        out.border = cell.border
        out.alignment = cell.alignment
        out.protection = cell.protection
        out.number_format = cell.number_format
        if key is not None:
            self._styles[key] = copy.copy(out._style)

    def convert(self, values: list[Any]) -> list[Any]:
        """Turn read cells and plain values into what the write-only sheet takes."""
        out: list[Any] = []
        for col, v in enumerate(values, 1):
            if hasattr(v, "data_type"):
                out.append(self._copy(v, col, self._ws))
            elif isinstance(v, str):
                out.append(self._text(v, col))
            else:
                out.append(v)
        return out

    def append(self, values: list[Any]) -> None:
        """Write one row."""
        self.row += 1
        if self.row > XLSX_MAX_ROWS:
            raise DataError(f"more than {XLSX_MAX_ROWS:,} rows: Excel cannot hold them", self._name)
        converted = self.convert(values)
        try:
            self._ws.append(converted)
        except Exception as exc:  # noqa: BLE001 - openpyxl's errors have no common base
            raise self._unwritable(converted, exc) from None

    def _unwritable(self, converted: list[Any], exc: Exception) -> DataError:
        col = next(
            (i for i, v in enumerate(converted, 1) if isinstance(getattr(v, "value", v), str) and _illegal(getattr(v, "value", v))),
            None,
        )
        where = self._where(self.row, col) if col else f"row {self.row}"
        return DataError(f"{where} cannot be written to XLSX: {type(exc).__name__}: {exc}", self._name)

    def copy_sheet(self, title: str, index: int, rows: Iterable[Sequence[Any]]) -> None:
        """Add the sheet ``title`` at ``index`` with the cells of ``rows`` (read from a workbook) as they are.

        Raises:
            DataError: a cell that cannot be written, named by its cell in that sheet.
        """
        ws = self._wb.create_sheet(title=title, index=index)
        for r, row in enumerate(rows, 1):
            converted = []
            for c, cell in enumerate(row, 1):
                try:
                    converted.append(self._copy(cell, c, ws))
                except DataError as exc:
                    raise DataError(f"sheet '{title}': {exc.message}", self._name) from None
            try:
                ws.append(converted)
            except Exception as exc:  # noqa: BLE001 - openpyxl's errors have no common base
                raise DataError(f"sheet '{title}', row {r} cannot be written to XLSX: {exc}", self._name) from None

    def record(self, properties: dict[str, Any]) -> None:
        """Keep ``properties`` in the workbook as custom document properties (File > Properties in Excel).

        Each is ``aliasctl.<key>`` with its value as text, so that a cleaned
        workbook can be traced to the registry and settings that cleaned it.
        """
        from openpyxl.packaging.custom import StringProperty

        for key, value in properties.items():
            self._wb.custom_doc_props.append(StringProperty(name=f"aliasctl.{key}", value=str(value)))

    def save(self, sink: IO[bytes]) -> None:
        """Write the workbook to ``sink``."""
        self._wb.save(sink)

    def discard(self) -> None:
        """Give up a workbook after an error, closing its temporary sheet files."""
        for ws in self._wb.worksheets:
            try:
                ws.close()
            except Exception:  # noqa: BLE001 - the sheet may already be broken; nothing to report
                pass


def _why(exc: BaseException) -> str:
    """The root cause of a library error, on one line (defusedxml's refusals included)."""
    root = exc
    while root.__cause__ is not None or root.__context__ is not None:
        root = root.__cause__ or root.__context__  # type: ignore[assignment]
    text = str(root).strip().splitlines()
    return f"{type(root).__name__}: {text[0]}" if text else type(root).__name__


def _illegal(text: str) -> bool:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return bool(ILLEGAL_CHARACTERS_RE.search(text))


__all__ = [
    "XLSX_MAX_CELL",
    "XLSX_MAX_ROWS",
    "XlsxReader",
    "XlsxWriter",
    "cell_name",
    "check_xlsx",
    "xlsx_sheet_names",
]
