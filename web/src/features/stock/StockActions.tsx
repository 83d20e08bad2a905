import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconFileImport, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { AddStockModal } from './AddStockModal';
import type { StockKind } from './api';
import { ImportCsvModal } from './ImportCsvModal';
import { stockText } from './stock-text';

/** "Add …" and "Import CSV" above a stock list, with their dialogs. */
export const StockActions = ({ stock, companyId }: { stock: StockKind; companyId: string | null }) => {
  const { t } = useTranslation();
  const [adding, add] = useDisclosure(false);
  const [importing, importer] = useDisclosure(false);
  return (
    <>
      <Button variant="default" leftSection={<IconFileImport size={16} aria-hidden="true" />} onClick={importer.open}>
        {t('stock.import.button')}
      </Button>
      <Button leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={add.open}>
        {t(`stock.${stockText(stock)}.add`)}
      </Button>
      <AddStockModal stock={stock} companyId={companyId} opened={adding} onClose={add.close} />
      <ImportCsvModal stock={stock} companyId={companyId} opened={importing} onClose={importer.close} />
    </>
  );
};
