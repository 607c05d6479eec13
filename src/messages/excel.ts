// Messages of the excel screens (Vietnamese default, English second); merged into the catalogue.
export const excelVi = {
  title: "Nhập từ Excel",
};

export const excelEn: typeof excelVi = {
  title: "Import from Excel",
};
