// Messages of the admin screens (Vietnamese default, English second); merged into the catalogue.
export const adminVi = {
  title: "Quản trị",
};

export const adminEn: typeof adminVi = {
  title: "Administration",
};
