// Looking up a column's fitted pipeline state: the pure helper lives with the data binding in common/.
export { stateFor } from '../../common/models/binding';
